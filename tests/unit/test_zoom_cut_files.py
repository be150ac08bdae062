"""Chat files cut by a crash or copied while Zoom was writing them: nothing stored cut, nothing
lost, and a file that holds nothing whole yet is one clear line."""

from __future__ import annotations

from datetime import UTC, date
from pathlib import Path

import pytest

from bot.errors import InputError
from bot.sources.zoom import check_chat_head, iter_chat_file, read_chat_file

DAY = date(2026, 11, 20)


def msg(clock: str, who: str, text: str) -> str:
    return f"{clock} From  {who}  to  Everyone:\n\t{text}\n"


def read(path: Path) -> tuple[list[tuple[str, str]], list[str]]:
    warnings: list[str] = []
    got = [m for batch in iter_chat_file(path, DAY, UTC, warnings=warnings) for m in batch]
    return [(m.author_name, m.text) for m in got], warnings


@pytest.mark.parametrize(
    "head",
    [
        b"10:00:00 From  Ann  to  Every",
        b"10:00:0",
        b"\xef\xbb\xbf2025-12-05 20:12:17 From Ana L",
    ],
)
def test_a_file_holding_only_a_cut_first_line_is_one_clear_line(
    tmp_path: Path, head: bytes
) -> None:
    path = tmp_path / "meeting_saved_chat.txt"
    path.write_bytes(head)
    for read_it in (lambda: read_chat_file(path, DAY, UTC), lambda: check_chat_head(path)):
        with pytest.raises(InputError, match="no complete chat line yet") as info:
            read_it()
        assert "\n" not in str(info.value)


def test_a_first_message_cut_mid_text_is_held_back(tmp_path: Path) -> None:
    # Not a parser error (follow-zoom waits for the rest); import-zoom refuses such a file with
    # one clear line and opens no event (tests/integration/test_cli_errors.py).
    path = tmp_path / "chat.txt"
    path.write_bytes("10:00:00\t From  Zoë : ça v".encode())
    got, warnings = read(path)
    assert got == [] and any("unfinished" in w for w in warnings)
    assert check_chat_head(path) is None  # no fingerprint yet


def test_a_header_without_its_body_at_the_end_is_held_back(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text(msg("10:00:00", "Ann", "one") + "10:00:05 From  Bob  to  Everyone:\n")
    got, warnings = read(path)
    assert got == [("Ann", "one")] and any("unfinished" in w for w in warnings)
    path.write_text(msg("10:00:00", "Ann", "one") + msg("10:00:05", "Bob", "two"))
    assert read(path)[0] == [("Ann", "one"), ("Bob", "two")]


def test_a_utf8_character_cut_at_the_end_holds_its_message_back(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    whole = (msg("10:00:00", "Ann", "one") + msg("10:00:05", "Zoë", "ça va?")).encode()
    path.write_bytes(whole[: whole.index("ç".encode()) + 1])  # half of the 'ç'
    got, warnings = read(path)
    assert got == [("Ann", "one")] and any("unfinished" in w for w in warnings)
    path.write_bytes(whole)
    assert read(path)[0] == [("Ann", "one"), ("Zoë", "ça va?")]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("line_end", ["\n", "\r\n"])
@pytest.mark.parametrize("end_padding", [0, 1, 4095, 4096])
def test_crash_padding_in_the_middle_and_at_the_end_loses_nothing(
    tmp_path: Path, encoding: str, line_end: str, end_padding: int
) -> None:
    # Crash padding replaces bytes in place, so it keeps the alignment of what follows it.
    def encode(text: str, first: bool) -> bytes:
        text = text.replace("\n", line_end)
        if first or encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            return text.encode(encoding)
        return text.encode({"utf-8-sig": "utf-8", "utf-16": "utf-16-le"}[encoding])

    path = tmp_path / "chat.txt"
    path.write_bytes(
        encode(msg("10:00:00", "Zoë", "ça va"), True)
        + b"\x00" * 2000
        + encode(msg("10:00:05", "김민지", "지원금은?") + msg("10:00:09", "Ann", "three"), False)
        + b"\x00" * end_padding
    )
    assert read(path)[0] == [("Zoë", "ça va"), ("김민지", "지원금은?"), ("Ann", "three")]


def test_a_file_of_crash_padding_only_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_bytes(b"\x00" * 8192)
    with pytest.raises(InputError, match="is empty"):
        read_chat_file(path, DAY, UTC)


def test_bare_add_and_remove_lines_stay_plain_messages() -> None:
    # Lines like "add 👍" quote no message, so there is nothing they could vote for.
    from bot.sources.zoom import parse_chat_text

    chat = msg("10:00:00", "Ann", "add 👍") + msg("10:00:01", "Ann", "remove 👍")
    got = parse_chat_text(chat, DAY, tz=UTC)
    assert [(m.text, m.reaction) for m in got] == [("add 👍", None), ("remove 👍", None)]
