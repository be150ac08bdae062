"""`baraza demo` end to end, then `baraza queue --json` and the export, as a user would run them."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest


def baraza(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BARAZA_")}
    env["BARAZA_DB"] = str(cwd / "demo.sqlite3")
    env["BARAZA_CONFIG"] = str(cwd / "config.toml")
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.fixture
def demo_dir(tmp_path: Path) -> Path:
    exports = tmp_path / "exports"
    (tmp_path / "config.toml").write_text(
        f'[classifier]\nsource = "ngram"\n\n[export]\nfolder = "{exports}"\n'
    )
    result = baraza("demo", "--speed", "0", "--no-board", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return tmp_path


def test_demo_top_10_balances_southern_voices_and_says_why(demo_dir: Path) -> None:
    result = baraza("queue", "--json", "--top", "10", cwd=demo_dir)
    assert result.returncode == 0, result.stderr
    top = json.loads(result.stdout)
    assert [e["rank"] for e in top] == list(range(1, 11))
    southern = [e for e in top if e["region"] == "south"]
    assert len(southern) >= 5
    moved = [e for e in southern if "Southern" in e["why"]]
    assert moved, [e["why"] for e in top]
    assert any(re.search(r"keep 5 of the top 10 Southern", e["why"]) for e in top), [
        e["why"] for e in top
    ]
    # Northern questions carry the votes in this sample; Southern ones were asked without votes
    assert max(e["votes"] for e in top if e["region"] == "north") >= 2
    assert all(e["votes"] == 0 for e in southern)


def test_demo_export_is_written_complete_and_private_free(demo_dir: Path) -> None:
    exports = sorted((demo_dir / "exports").glob("baraza-demo-transcript.*"))
    assert {p.suffix for p in exports} == {".md", ".json"}
    doc = json.loads((demo_dir / "exports" / "baraza-demo-transcript.json").read_text())
    text = json.dumps(doc, ensure_ascii=False)
    assert "put my question first" not in text and "06-12345678" not in text  # the DM
    assert "Pieter" not in text and "Grace" not in text  # names are off by default
    assert doc["summary"]["questions"] >= 15
    assert set(doc["summary"]["questions_by_theme"]) == {"policy", "civic", "system", "other"}
    languages = {m["language"] for m in doc["messages"] if m["kind"] == "question"}
    assert {"en", "nl", "fr", "es", "pt", "sw"} <= languages


def test_demo_can_run_again(demo_dir: Path) -> None:
    again = baraza("demo", "--speed", "0", "--no-board", cwd=demo_dir)
    assert again.returncode == 0, again.stderr
    events = baraza("events", cwd=demo_dir)
    assert events.stdout.count("Baraza demo") == 1
