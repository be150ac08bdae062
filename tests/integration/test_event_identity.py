"""Which event a saved chat goes into: one event per webinar, even when file names repeat.

Zoom names every chat ``meeting_saved_chat.txt``; the folder (``YYYY-MM-DD HH.MM.SS Topic``),
``--date``, ``--event`` and the chat's first message decide the event (README: "Which event a
chat goes into").
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.cli import main

CHAT_A = (
    "10:00:05 From  Host Amina  to  Everyone:\n\tWelcome everyone to the budget webinar\n"
    "10:02:11 From  Jean  to  Everyone:\n\tHow will the cuts affect partners in Burundi?\n"
)
CHAT_B = (
    "14:00:40 From  Host Lena  to  Everyone:\n\tWelcome everyone\n"
    "14:03:02 From  Grace (Kenya)  to  Everyone:\n\tWhat is the timeline for the new fund?\n"
)


class Cli:
    """``baraza`` run in this process against one database, with the n-gram classifier."""

    def __init__(self, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.folder = folder
        self.capsys = capsys
        (folder / "config.toml").write_text('[classifier]\nsource = "ngram"\n')

    def __call__(self, *args: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        code = main([*args, "--config", str(self.folder / "config.toml"), "--db", str(self.db)])
        out, err = self.capsys.readouterr()
        return code, out, err

    @property
    def db(self) -> Path:
        return self.folder / "db.sqlite3"

    def import_chat(self, chat: Path, *extra: str) -> tuple[int, int, int, str]:
        """(event id, new messages, already imported, stderr) of one import."""
        code, out, err = self("import-zoom", str(chat), *extra)
        assert code == 0, err
        found = re.search(r"Event (\d+) .*?: (\d+) new messages \((\d+) already imported\)", out)
        assert found, out
        return int(found[1]), int(found[2]), int(found[3]), err

    def events(self) -> list[str]:
        code, out, _ = self("events")
        assert code == 0
        return [line.split("\t")[-1] for line in out.strip().splitlines()]


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(tmp_path, capsys)


def _chat(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "meeting_saved_chat.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_same_file_imported_twice_is_one_event(cli: Cli, tmp_path: Path) -> None:
    chat = _chat(tmp_path / "downloads", CHAT_A)
    first = cli.import_chat(chat)
    again = cli.import_chat(chat)
    assert first[:3] == (first[0], 2, 0)
    assert again[:3] == (first[0], 0, 2)
    assert cli.events() == ["meeting_saved_chat"]


def test_two_chats_with_the_same_file_name_are_two_events(cli: Cli, tmp_path: Path) -> None:
    a = _chat(tmp_path / "monday", CHAT_A)
    b = _chat(tmp_path / "tuesday", CHAT_B)
    event_a, new_a, _, _ = cli.import_chat(a)
    event_b, new_b, known_b, note = cli.import_chat(b)
    assert event_b != event_a
    assert (new_a, new_b, known_b) == (2, 2, 0)  # the second "Welcome everyone" is not dropped
    assert "already holds a different chat" in note and "--event" in note
    assert cli.events() == ["meeting_saved_chat", "meeting_saved_chat (2)"]
    # each continues its own event when imported again, in any order
    assert cli.import_chat(a)[:3] == (event_a, 0, 2)
    assert cli.import_chat(b)[:3] == (event_b, 0, 2)


def test_a_growing_file_imported_again_is_the_same_event(cli: Cli, tmp_path: Path) -> None:
    chat = _chat(tmp_path / "live", CHAT_A[: CHAT_A.index("\tHow will")] + "\tHow will the")
    event, new, _, _ = cli.import_chat(chat)
    assert new == 1  # the cut last message is held back
    chat.write_text(CHAT_A + "10:05:00 From  Jean  to  Everyone:\n\tThank you\n")
    assert cli.import_chat(chat)[:3] == (event, 2, 1)
    assert cli.events() == ["meeting_saved_chat"]


def test_a_file_with_no_complete_message_yet_opens_no_event(cli: Cli, tmp_path: Path) -> None:
    # Nothing whole to store yet: one clear line and no (empty, default-to-be) event; once Zoom
    # has written the rest, the same file makes the one event.
    chat = _chat(tmp_path / "live", "10:00:05 From  Host Amina  to  Everyone:\n\tWelc")
    code, _, err = cli("import-zoom", str(chat))
    assert code == 2 and "holds no complete chat message yet" in err
    assert cli.events() == []
    chat.write_text(CHAT_A)
    event, new, known, _ = cli.import_chat(chat)
    assert (new, known) == (2, 0)
    assert cli.import_chat(chat)[:3] == (event, 0, 2)
    assert cli.events() == ["meeting_saved_chat"]


def test_zoom_folders_name_the_event_and_a_second_chat_that_day(cli: Cli, tmp_path: Path) -> None:
    morning = _chat(tmp_path / "2026-03-02 10.00.00 Budget webinar", CHAT_A)
    afternoon = _chat(tmp_path / "2026-03-02 14.00.00 Budget webinar", CHAT_B)
    other_day = _chat(tmp_path / "2026-03-09 10.00.00 Budget webinar", CHAT_A)
    ids = [cli.import_chat(p)[0] for p in (morning, afternoon, other_day, morning)]
    assert len(set(ids)) == 3 and ids[0] == ids[3]
    assert cli.events() == [
        "2026-03-02 Budget webinar",
        "2026-03-02 Budget webinar (2)",
        "2026-03-09 Budget webinar",
    ]


def test_a_different_date_makes_a_different_event(cli: Cli, tmp_path: Path) -> None:
    chat = _chat(tmp_path / "downloads", CHAT_A)
    first = cli.import_chat(chat, "--date", "2026-03-02")[0]
    assert cli.import_chat(chat, "--date", "2026-03-02")[0] == first
    assert cli.import_chat(chat)[0] == first  # no date given: the content decides
    assert cli.import_chat(chat, "--date", "2026-04-06")[0] != first


def test_event_names_the_event_whatever_it_holds(cli: Cli, tmp_path: Path) -> None:
    part1 = _chat(tmp_path / "part1", CHAT_A)
    part2 = _chat(tmp_path / "part2", CHAT_B)
    first = cli.import_chat(part1, "--event", "Budget")
    second = cli.import_chat(part2, "--event", "Budget")
    assert first[0] == second[0] and second[1] == 2
    assert "already holds a different chat" in second[3]
    assert cli.events() == ["Budget"]
