"""A process killed (kill -9) mid-import loses no committed question, and a re-run completes."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.synthetic import chat_file

CONFIG = '[classifier]\nsource = "ngram"\n'


def _import(chat: Path, db: Path, config: Path) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BARAZA_")}
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bot.cli",
            "import-zoom",
            str(chat),
            "--event",
            "Crash test",
            "--date",
            "2026-11-20",
            "--db",
            str(db),
            "--config",
            str(config),
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _count(db: Path, sql: str) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return int(conn.execute(sql).fetchone()[0])
    except sqlite3.OperationalError:
        return 0  # not created yet


QUESTIONS = "SELECT COUNT(*) FROM questions"
MESSAGES = "SELECT COUNT(*) FROM messages"


@pytest.mark.slow
def test_kill_9_mid_import_loses_nothing_committed(tmp_path: Path) -> None:
    chat = tmp_path / "chat.txt"
    chat.write_text(chat_file(4000, seed=7), encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text(CONFIG)
    db = tmp_path / "crash.sqlite3"

    child = _import(chat, db, config)
    seen = 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and child.poll() is None:
        seen = _count(db, QUESTIONS)
        if seen > 0:
            break
        time.sleep(0.02)
    assert child.poll() is None, (
        "the import finished before it could be killed: make the file larger"
    )
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL

    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    after_kill = _count(db, QUESTIONS)
    assert after_kill >= seen > 0  # everything observed as committed is still there
    total_messages = _count(db, MESSAGES)

    rerun = _import(chat, db, config)
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    assert "already imported" in out

    clean_db = tmp_path / "clean.sqlite3"
    clean = _import(chat, clean_db, config)
    clean.communicate(timeout=300)
    assert clean.returncode == 0
    assert _count(db, QUESTIONS) == _count(clean_db, QUESTIONS) > after_kill
    assert _count(db, MESSAGES) == _count(clean_db, MESSAGES) > total_messages
    votes = "SELECT COUNT(*) FROM votes"
    assert _count(db, votes) == _count(clean_db, votes)
