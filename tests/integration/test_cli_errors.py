"""User errors on the command line: exit code 2, one line on stderr, no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES


def run_cli(
    *args: str, cwd: Path, env_extra: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    import os

    env = {k: v for k, v in os.environ.items() if k != "BARAZA_CONFIG"}
    env.update({"BARAZA_DB": str(cwd / "db.sqlite3"), **(env_extra or {})})
    # Run this checkout's code, not whichever copy of the package is installed.
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], needle: str) -> None:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert lines[0].startswith("baraza: error:") and needle in lines[0], lines[0]


def test_missing_chat_file(tmp_path: Path) -> None:
    assert_one_line_error(
        run_cli("import-zoom", str(tmp_path / "nope.txt"), cwd=tmp_path), "not found"
    )


def test_binary_chat_file(tmp_path: Path) -> None:
    binary = tmp_path / "chat.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    assert_one_line_error(run_cli("import-zoom", str(binary), cwd=tmp_path), "binary")


def test_malformed_registration_report(tmp_path: Path) -> None:
    result = run_cli(
        "import-zoom",
        str(FIXTURES / "zoom_new.txt"),
        "--registrants",
        str(FIXTURES / "registrants_malformed.csv"),
        cwd=tmp_path,
    )
    assert_one_line_error(result, "no registrant header row")


@pytest.mark.parametrize("flag", ["--config", "env"])
def test_bad_config_key(tmp_path: Path, flag: str) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[ranking]\nsouthern_shares = 0.4\n")
    if flag == "env":
        result = run_cli("queue", cwd=tmp_path, env_extra={"BARAZA_CONFIG": str(config)})
    else:
        result = run_cli("queue", "--config", str(config), cwd=tmp_path)
    assert_one_line_error(result, "ranking.southern_shares")


def test_queue_without_any_event(tmp_path: Path) -> None:
    assert_one_line_error(run_cli("queue", cwd=tmp_path), "no event yet")


def test_database_that_is_not_sqlite(tmp_path: Path) -> None:
    (tmp_path / "db.sqlite3").write_text("hello, I am not a database" * 100)
    assert_one_line_error(run_cli("queue", cwd=tmp_path), "not a Baraza database")


def test_empty_chat_file_makes_no_event(tmp_path: Path) -> None:
    empty = tmp_path / "meeting_saved_chat.txt"
    empty.write_bytes(b"\x00\n")
    assert_one_line_error(run_cli("import-zoom", str(empty), cwd=tmp_path), "is empty")
    assert_one_line_error(run_cli("queue", cwd=tmp_path), "no event yet")


@pytest.mark.parametrize(
    "text",
    [
        "10:00:00 From  Ana Lima  to  Everyone:\n",  # a header whose body has not come yet
        "2025-12-05 20:12:17 From Ana Lima to Everyone:\n",
        "10:00:00\t From  Zo\u00eb : \u00e7a v",  # a first message still being written
    ],
)
def test_a_chat_file_with_no_complete_message_makes_no_event(tmp_path: Path, text: str) -> None:
    chat = tmp_path / "meeting_saved_chat.txt"
    chat.write_text(text, encoding="utf-8")
    result = run_cli("import-zoom", str(chat), "--date", "2025-12-05", cwd=tmp_path)
    assert_one_line_error(result, "holds no complete chat message yet")
    assert_one_line_error(run_cli("queue", cwd=tmp_path), "no event yet")
    # once Zoom has written the rest, the same file imports normally
    chat.write_text("10:00:00 From  Ana Lima  to  Everyone:\n\tWho funds this?\n", encoding="utf-8")
    ok = run_cli("import-zoom", str(chat), "--date", "2025-12-05", cwd=tmp_path)
    assert ok.returncode == 0, ok.stderr
    assert ": 1 new messages" in ok.stdout, ok.stdout


def test_a_first_message_longer_than_the_head_check_still_imports(tmp_path: Path) -> None:
    # The cheap head check reads 256 KB; a longer first message is not "no complete message".
    chat = tmp_path / "meeting_saved_chat.txt"
    long_text = "why " * 100_000  # 400 KB
    chat.write_text(
        f"10:00:00 From  Ana  to  Everyone:\n\t{long_text}?\n"
        "10:00:05 From  Bob  to  Everyone:\n\tWho decides the budget?\n",
        encoding="utf-8",
    )
    ok = run_cli("import-zoom", str(chat), "--date", "2025-12-05", cwd=tmp_path)
    assert ok.returncode == 0, ok.stderr
    assert ": 2 new messages" in ok.stdout, ok.stdout
