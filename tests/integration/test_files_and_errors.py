"""Files a user points Baraza at, and what goes wrong with them: one line, exit 2, nothing harmed.

Export targets are written through symlinks and never replace a device, FIFO or folder; a failed
export leaves no temp file; a database that is not Baraza's is left byte for byte as it was.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from bot.errors import BarazaError
from bot.export.transcript import write_export
from bot.store import StoreError, check_database_file
from tests.conftest import FIXTURES
from tests.integration.test_cli_errors import assert_one_line_error, run_cli

NGRAM = '[classifier]\nsource = "ngram"\n'


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with a config and a database holding one imported chat."""
    folder = tmp_path_factory.mktemp("imported")
    (folder / "config.toml").write_text(NGRAM)
    result = run_cli(
        "import-zoom", str(FIXTURES / "zoom_new.txt"), "--config", "config.toml", cwd=folder
    )
    assert result.returncode == 0, result.stderr
    return folder


def _export(folder: Path, out: Path | str) -> object:
    return run_cli(
        "export", "--config", "config.toml", "--format", "md", "--out", str(out), cwd=folder
    )


def test_export_writes_through_a_symlink(imported: Path, tmp_path: Path) -> None:
    target = tmp_path / "real.md"
    target.write_text("old")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    result = _export(imported, link)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text().startswith("#") and target.read_text() != "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.md", "real.md"]


@pytest.mark.parametrize("kind", ["fifo", "folder", "device"])
def test_export_refuses_what_is_not_a_file(imported: Path, tmp_path: Path, kind: str) -> None:
    if kind == "fifo":
        out = tmp_path / "pipe"
        os.mkfifo(out)
    elif kind == "folder":
        out = tmp_path / "folder"
        out.mkdir()
    else:
        out = Path("/dev/null")
    before = os.stat(out).st_mode
    result = _export(imported, out)
    assert_one_line_error(result, "cannot write the export")
    assert os.stat(out).st_mode == before  # still the FIFO, folder or device it was
    if kind != "device":
        assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]


def test_a_failed_export_leaves_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    doc = {"format": "baraza-transcript/2"}
    with pytest.raises(BarazaError, match="No space left"):
        write_export(doc, "json", tmp_path / "out.json")
    assert list(tmp_path.iterdir()) == []


def _foreign(path: Path) -> bytes:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes(name TEXT)")
        conn.execute("INSERT INTO recipes VALUES ('ugali')")
    return path.read_bytes()


def test_a_foreign_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    db = tmp_path / "recipes.sqlite3"
    before = _foreign(db)
    result = run_cli("events", "--db", str(db), cwd=tmp_path)
    assert_one_line_error(result, "another program")
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["recipes.sqlite3"]  # no -wal, -shm


def test_a_database_path_that_is_a_folder(tmp_path: Path) -> None:
    (tmp_path / "db").mkdir()
    result = run_cli("events", "--db", str(tmp_path / "db"), cwd=tmp_path)
    assert_one_line_error(result, "is a folder")
    assert "Event loop is closed" not in result.stderr


def test_read_only_database_and_folder_are_named_as_such(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "ro" / "baraza.sqlite3"
    db.parent.mkdir()
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA user_version=4")
        for table in ("events", "participants", "messages", "questions", "votes", "settings"):
            conn.execute(f"CREATE TABLE {table}(id INTEGER)")
    real_access = os.access
    # root ignores permission bits, so the check is driven through os.access here
    monkeypatch.setattr(os, "access", lambda p, mode: Path(p) != db and real_access(p, mode))
    with pytest.raises(StoreError, match="read-only"):
        check_database_file(db)
    monkeypatch.setattr(os, "access", lambda p, mode: Path(p) != db.parent and real_access(p, mode))
    with pytest.raises(StoreError, match=r"folder .* is read-only"):
        check_database_file(db)
    with pytest.raises(StoreError, match="cannot create the database"):
        check_database_file(db.parent / "new.sqlite3")


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_database_on_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "baraza.sqlite3"
    assert run_cli("events", "--db", str(db), cwd=tmp_path).returncode == 0
    db.chmod(stat.S_IRUSR)
    assert_one_line_error(run_cli("events", "--db", str(db), cwd=tmp_path), "read-only")


def test_follow_zoom_on_a_folder(tmp_path: Path) -> None:
    (tmp_path / "chat").mkdir()
    result = run_cli("follow-zoom", str(tmp_path / "chat"), "--no-board", cwd=tmp_path)
    assert_one_line_error(result, "folder")


def test_classify_with_stdin_that_is_not_utf8(tmp_path: Path) -> None:
    import subprocess
    import sys

    (tmp_path / "config.toml").write_text(NGRAM)
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "classify", "-", "--config", "config.toml"],
        cwd=tmp_path,
        input=b"Hoe zit het met \xff\xfe financiering?\n",
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    stderr = result.stderr.decode()
    assert "Traceback" not in stderr and stderr.startswith("baraza: error:"), stderr


def test_follow_zoom_on_an_unreadable_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot.cli import main

    chat = tmp_path / "meeting_saved_chat.txt"
    chat.write_text("10:00:00 From  Ana  to  Everyone:\n\thello\n")
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self == chat:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", refuse)  # root ignores permission bits
    code = main(["follow-zoom", str(chat), "--no-board", "--db", str(tmp_path / "db.sqlite3")])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "Permission denied" in err, err
