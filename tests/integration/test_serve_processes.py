"""`baraza demo --web` and `baraza serve` as a user starts them: links printed, console answers,
SIGTERM stops cleanly. Slow: real processes."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
NGRAM = '[classifier]\nsource = "ngram"\n[export]\nfolder = "exports"\n'


def _start(tmp_path: Path, *args: str) -> subprocess.Popen[str]:
    (tmp_path / "config.toml").write_text(NGRAM)
    env = {k: v for k, v in os.environ.items() if not k.startswith("BARAZA_")}
    env.update({"BARAZA_DB": str(tmp_path / "db.sqlite3"), "PYTHONPATH": str(ROOT)})
    return subprocess.Popen(
        [sys.executable, "-m", "bot.cli", *args, "--config", "config.toml", "--port", "0"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _link(proc: subprocess.Popen[str], label: str) -> tuple[str, list[str]]:
    assert proc.stdout is not None
    seen: list[str] = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        seen.append(line)
        if label in line and (found := re.search(r"http://\S+", line)):
            return found.group(), seen
    raise AssertionError("no console link printed:\n" + "".join(seen))


def _get(link: str) -> str:
    """GET a console link as a browser would (the key becomes a session cookie on a redirect)."""
    from http.cookiejar import CookieJar

    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
    with opener.open(link, timeout=10) as response:
        assert response.status == 200
        return str(response.read().decode())


def _stop(proc: subprocess.Popen[str]) -> str:
    proc.send_signal(signal.SIGTERM)
    out, _ = proc.communicate(timeout=30)
    assert proc.returncode == 0, out
    assert "Traceback" not in out
    return out


def test_demo_web_shows_the_replay_in_the_console(tmp_path: Path) -> None:
    proc = _start(tmp_path, "demo", "--web", "--speed", "0", "--no-board")
    try:
        link, _ = _link(proc, "Moderator")
        assert proc.stdout is not None
        for line in proc.stdout:  # wait for the replay to finish
            if "console stays open" in line:
                break
        page = _get(link)
        assert "Southern" in page and "moved up" in page
    finally:
        _stop(proc)


def test_serve_follows_a_chat_file_into_the_console(tmp_path: Path) -> None:
    chat = tmp_path / "meeting_saved_chat.txt"
    chat.write_text(
        "10:00:00 From  Amani Mushi (Tanzania)  to  Everyone:\n"
        "\tQ: How will local partners get direct funding?\n",
        encoding="utf-8",
    )
    proc = _start(tmp_path, "serve", "--zoom-file", str(chat), "--event", "Served")
    try:
        link, _ = _link(proc, "Moderator")
        deadline = time.monotonic() + 30
        page = ""
        while time.monotonic() < deadline and "direct funding" not in page:
            page = _get(link)
            time.sleep(0.5)
        assert "direct funding" in page and "Tanzania" in page
    finally:
        _stop(proc)
