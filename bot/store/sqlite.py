"""The SQLite store: a writer connection for units of work, a read-only one for everything else.

There is one write path. ``async with store.unit() as uow:`` takes the store's lock, opens a
``BEGIN IMMEDIATE`` transaction (which also excludes writers in other processes) and hands out
the repositories bound to that transaction; leaving the block commits, an exception rolls back.
Reads outside a unit go through ``store.read``, a second connection with ``query_only`` set, so
a write there fails loudly instead of committing somebody else's half-done transaction.

WAL mode and ``synchronous=NORMAL``: a committed unit survives the process being killed at any
point. ``secure_delete`` is on, so erased personal data is zeroed in the file, not left in free
pages (see :mod:`bot.store.privacy`).
"""

from __future__ import annotations

import asyncio
import logging
import os
import sqlite3
from collections.abc import AsyncIterator, Awaitable
from contextlib import asynccontextmanager, closing
from pathlib import Path
from typing import Any

import aiosqlite

from bot.store.backend import Repos, Store, UnitOfWork, migrations
from bot.store.base import SqliteDb, StoreError

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
#: Tables every Baraza database has since version 1.
BARAZA_TABLES = {"events", "participants", "messages", "questions", "votes", "settings"}
BUSY_TIMEOUT_MS = 30_000


def sql_statements(script: str) -> list[str]:
    """The complete statements of an SQL script, in order (comments kept with their statement)."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not all(
        part.strip().startswith("--") or not part.strip() for part in buffer.splitlines()
    ):
        raise StoreError(f"incomplete SQL statement in a migration: {buffer.strip()[:60]!r}")
    return statements


def check_database_file(path: Path) -> None:
    """Refuse, before anything is written, a path Baraza must not open or change.

    A folder, an unreadable file, a file that is not SQLite, an SQLite file of another program
    (it is left exactly as it was), a read-only file or a folder SQLite cannot write its journal
    in: each is one clear :class:`StoreError`.
    """
    if path.is_dir():
        raise StoreError(f"the database path {path} is a folder; give a file path (--db FILE)")
    folder = path.parent
    if not path.exists():
        if folder.exists() and not os.access(folder, os.W_OK | os.X_OK):
            raise StoreError(f"cannot create the database in {folder}: the folder is read-only")
        return
    if not path.is_file():
        raise StoreError(f"the database path {path} is not a regular file")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(f"cannot read the database {path}: {exc.strerror or exc}") from exc
    if not header:
        return  # an empty file: a new database
    if header != SQLITE_HEADER:
        raise StoreError(f"{path} is not a Baraza database (not an SQLite file)")
    try:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        with closing(sqlite3.connect(uri, uri=True)) as conn:
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.Error as exc:
        raise StoreError(f"{path} is not a Baraza database (or is damaged): {exc}") from exc
    if tables and (version == 0 or not tables >= BARAZA_TABLES):
        raise StoreError(
            f"{path} is an SQLite database of another program, not Baraza's; it was left as it was"
        )
    if not os.access(path, os.W_OK):
        raise StoreError(f"the database {path} is read-only (check its permissions)")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise StoreError(
            f"the folder {folder} is read-only: SQLite writes its journal beside the database"
        )


def _readonly(exc: sqlite3.Error) -> bool:
    return "readonly" in str(exc) or "read-only" in str(exc)


async def _to_the_end(statement: Awaitable[Any]) -> Any:
    """Await a transaction-control statement; if the task is cancelled meanwhile, let the
    statement finish first (the connection's state must be known), then raise the cancel."""
    task = asyncio.ensure_future(statement)
    try:
        return await asyncio.shield(task)
    except asyncio.CancelledError:
        await asyncio.wait({task})
        if not task.cancelled():
            task.exception()  # retrieved: the cancellation is what the caller hears about
        raise


class SqliteStore(Store):
    """The SQLite backend (the embedded default). Create with :func:`bot.store.open_store`."""

    def __init__(self, writer: aiosqlite.Connection, reader: aiosqlite.Connection, path: Path):
        self._writer = writer
        self._reader = reader
        self.path = path
        self._lock = asyncio.Lock()
        self.location = str(path)
        self.read = Repos(SqliteDb(reader, writable=False))

    @classmethod
    async def open_file(cls, path: Path) -> SqliteStore:
        """Open (creating if needed) the database at ``path`` and bring its schema up to date."""
        path = Path(path)
        check_database_file(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the folder for the database {path}: {exc}") from exc
        writer = await cls._connect(path)
        try:
            await writer.execute("PRAGMA journal_mode=WAL")
            await writer.execute("PRAGMA secure_delete=ON")
            await cls._migrate(writer, path)
            reader = await cls._connect(path)
            await reader.execute("PRAGMA query_only=ON")
        except sqlite3.Error as exc:
            await writer.close()
            if _readonly(exc):
                raise StoreError(f"the database {path} is read-only: {exc}") from exc
            raise StoreError(f"{path} is not a Baraza database (or is damaged): {exc}") from exc
        except BaseException:
            await writer.close()
            raise
        return cls(writer, reader, path)

    @staticmethod
    async def _connect(path: Path) -> aiosqlite.Connection:
        try:
            conn = await aiosqlite.connect(path, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the database {path}: {exc}") from exc
        await conn.execute("PRAGMA synchronous=NORMAL")
        await conn.execute("PRAGMA foreign_keys=ON")
        await conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        return conn

    async def close(self) -> None:
        """Close both connections (the last one checkpoints the WAL)."""
        await self._reader.close()
        await self._writer.close()

    async def schema_version(self) -> int:
        """The schema version recorded in ``PRAGMA user_version``."""
        row = await self.read.db.one("PRAGMA user_version")
        return int(row[0]) if row else 0

    @staticmethod
    async def _migrate(conn: aiosqlite.Connection, path: Path) -> None:
        """Apply the missing migrations in ONE write transaction.

        The version is read inside that transaction, so two processes opening a new database
        at once do not both migrate it (the second waits, then finds it up to date).
        """
        known = migrations("sqlite")
        latest = known[-1][0] if known else 0
        await conn.execute("BEGIN IMMEDIATE")
        try:
            async with conn.execute("PRAGMA user_version") as cur:
                row = await cur.fetchone()
            current = int(row[0]) if row else 0
            if current > latest:
                raise StoreError(
                    f"{path} has schema version {current}, newer than this Baraza ({latest}); "
                    "upgrade Baraza"
                )
            for version, name, sql in known:
                if version <= current:
                    continue
                log.info("applying migration %s", name)
                for statement in sql_statements(sql):
                    await conn.execute(statement)
                await conn.execute(f"PRAGMA user_version = {version}")
            await conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                await conn.execute("ROLLBACK")
            raise

    @asynccontextmanager
    async def unit(self) -> AsyncIterator[UnitOfWork]:
        """One unit of work: every write inside commits together or not at all.

        The only way to write. Units in one process run one at a time (an asyncio lock); units
        in other processes wait on SQLite's write lock (``BEGIN IMMEDIATE``, busy timeout).
        ``BEGIN``, ``COMMIT`` and ``ROLLBACK`` always run to the end, even when the task is
        cancelled meanwhile (the cancellation is raised after), so a cancelled unit never leaves
        the connection in an unknown state or turns the cancellation into another error.
        """
        async with self._lock:
            db = SqliteDb(self._writer, writable=True)
            try:
                await _to_the_end(self._writer.execute("BEGIN IMMEDIATE"))
            except asyncio.CancelledError:
                await self._rollback()
                raise
            try:
                yield Repos(db)
            except BaseException:
                db.writable = False
                await self._rollback()
                raise
            db.writable = False
            try:
                await _to_the_end(self._writer.execute("COMMIT"))
            except sqlite3.Error:
                await self._rollback()
                raise

    async def _rollback(self) -> None:
        """Roll back the open transaction, if there is one (never raises over another error)."""
        try:
            await _to_the_end(self._writer.execute("ROLLBACK"))
        except sqlite3.OperationalError:  # no transaction was open (BEGIN had not run)
            pass
        except asyncio.CancelledError:
            pass  # the rollback itself ran to the end; the caller re-raises its own error

    async def compact(self) -> None:
        """Checkpoint the WAL into the database file and truncate it (after ``forget``)."""
        async with self._lock:
            async with self._writer.execute("PRAGMA wal_checkpoint(TRUNCATE)") as cur:
                row = await cur.fetchone()
            if row and row[0]:
                log.warning("the WAL could not be fully checkpointed: another process is reading")
