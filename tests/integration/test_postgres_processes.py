"""Several processes on one PostgreSQL database give the result of one process.

Three `baraza import-zoom` processes import overlapping chats (the whole file and two prefixes of
it, with their votes) into one database at the same time; the demo gives the same queue on both
backends. Slow: real processes.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.integration.test_cli_errors import run_cli
from tests.postgres_cluster import Cluster
from tests.synthetic import chat_file

pytestmark = pytest.mark.slow
NGRAM = '[classifier]\nsource = "ngram"\n'


def _env(db: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "BARAZA_CONFIG"}
    return {**env, "BARAZA_DB": db, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}


def _queue(folder: Path, db: str) -> list[dict[str, object]]:
    result = run_cli(
        "queue", "--json", "--config", "config.toml", env_extra={"BARAZA_DB": db}, cwd=folder
    )
    assert result.returncode == 0, result.stderr
    entries = json.loads(result.stdout)
    for entry in entries:
        entry.pop("age_minutes")
        entry["why"] = re.sub(r"\d+ min ago|just now", "<age>", str(entry["why"]))
    return entries


def _counts(url: str) -> tuple[int, ...]:
    import asyncio

    import asyncpg

    async def count() -> tuple[int, ...]:
        conn = await asyncpg.connect(url)
        try:
            row = await conn.fetchrow(
                "SELECT (SELECT COUNT(*) FROM messages), (SELECT COUNT(*) FROM votes),"
                " (SELECT COUNT(*) FROM questions), (SELECT COUNT(*) FROM participants)"
            )
            return tuple(int(v) for v in row)
        finally:
            await conn.close()

    return asyncio.run(count())


def test_three_processes_on_one_database(tmp_path: Path, postgres_cluster: Cluster) -> None:
    import asyncio

    (tmp_path / "config.toml").write_text(NGRAM)
    lines = chat_file(1200, seed=11).splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if not line.startswith("\t")]
    files = []
    for share, name in ((1.0, "full.txt"), (0.6, "first60.txt"), (0.8, "first80.txt")):
        cut = starts[int(len(starts) * share)] if share < 1 else len(lines)
        (tmp_path / name).write_text("".join(lines[:cut]), encoding="utf-8")
        files.append(tmp_path / name)
    shared, single = (asyncio.run(postgres_cluster.new_database()) for _ in range(2))
    args = ["--event", "Three", "--date", "2026-11-20", "--config", "config.toml"]
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "import-zoom", str(path), *args],
            cwd=tmp_path,
            env=_env(shared),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for path in files
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0 and "Traceback" not in err, err
    alone = run_cli(
        "import-zoom", str(files[0]), *args, env_extra={"BARAZA_DB": single}, cwd=tmp_path
    )
    assert alone.returncode == 0, alone.stderr
    assert _counts(shared) == _counts(single)
    assert _queue(tmp_path, shared) == _queue(tmp_path, single)


def test_the_demo_gives_the_same_queue_on_both_backends(
    tmp_path: Path, postgres_cluster: Cluster
) -> None:
    import asyncio

    (tmp_path / "config.toml").write_text(NGRAM + '[export]\nfolder = "exports"\n')
    queues = []
    for db in (str(tmp_path / "demo.sqlite3"), asyncio.run(postgres_cluster.new_database())):
        demo = run_cli(
            "demo",
            "--speed",
            "0",
            "--config",
            "config.toml",
            env_extra={"BARAZA_DB": db},
            cwd=tmp_path,
        )
        assert demo.returncode == 0, demo.stderr
        # the demo replays in webinar time from "now": only the times differ between runs
        queues.append(
            [{k: v for k, v in e.items() if k != "asked_at"} for e in _queue(tmp_path, db)]
        )
    assert queues[0] == queues[1] and len(queues[0]) >= 5
