"""A throwaway PostgreSQL server for the tests: Debian's ``postgresql`` binaries, a cluster in a
temporary folder owned by a non-root user, on a free port on 127.0.0.1, stopped at the end.

``BARAZA_TEST_POSTGRES`` (a server URL, e.g. ``postgresql://me@127.0.0.1:5432/postgres``) uses an
existing server instead. Without either, PostgreSQL tests are skipped locally and fail in CI.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

ENV_URL = "BARAZA_TEST_POSTGRES"


def _binaries() -> Path | None:
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(versions[-1]).parent if versions else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Cluster:
    """A running server: ``url(db)`` for a database on it, ``new_database()`` for a fresh one."""

    def __init__(self) -> None:
        self.folder: Path | None = None
        self.bin: Path | None = None
        self.user = "baraza"
        self.base_url = os.environ.get(ENV_URL, "")

    @property
    def available_reason(self) -> str | None:
        """Why no server can be had here (None: one can)."""
        if self.base_url:
            return None
        if _binaries() is None:
            return "no PostgreSQL server: install Debian's postgresql or set " + ENV_URL
        if os.geteuid() == 0 and not _user_exists("postgres"):
            return "running as root without a 'postgres' user to own the test cluster"
        return None

    def _run(self, *args: str) -> None:
        command = list(args)
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, check=True, capture_output=True, text=True, timeout=120)

    def start(self) -> None:
        """Start a cluster unless a server URL was given."""
        if self.base_url:
            return
        self.bin = _binaries()
        assert self.bin is not None
        self.folder = Path(tempfile.mkdtemp(prefix="baraza-pg-"))
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
        data = self.folder / "data"
        port = _free_port()
        self._run(
            str(self.bin / "initdb"), "-D", str(data), "-U", self.user, "-A", "trust",
            "--locale=C", "-E", "UTF8",
        )  # fmt: skip
        self._run(
            str(self.bin / "pg_ctl"), "-D", str(data), "-l", str(self.folder / "log"), "-w",
            "-o", f"-p {port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off",
            "start",
        )  # fmt: skip
        self.base_url = f"postgresql://{self.user}@127.0.0.1:{port}/postgres"

    def stop(self) -> None:
        """Stop the cluster this object started and remove its folder."""
        if self.folder is None or self.bin is None:
            return
        try:
            self._run(
                str(self.bin / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "fast", "stop"
            )
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None

    @property
    def data_folder(self) -> Path | None:
        """The cluster's data folder (None for a server given by URL)."""
        return self.folder / "data" if self.folder else None

    def url(self, database: str) -> str:
        """The URL of ``database`` on this server."""
        return self.base_url.rsplit("/", 1)[0] + "/" + database

    async def new_database(self) -> str:
        """Create an empty database; returns its URL."""
        import asyncpg

        name = "t_" + uuid.uuid4().hex[:12]
        conn = await asyncpg.connect(self.base_url)
        try:
            await conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
        finally:
            await conn.close()
        return self.url(name)


def _user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True
