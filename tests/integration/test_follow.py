"""Following a chat file that Zoom is still writing: appends, truncation, replacement."""

from __future__ import annotations

import asyncio
import os
from datetime import UTC, date
from pathlib import Path

from bot.core.model import ChatMessage
from bot.sources.zoom import follow_chat_file

DAY = date(2026, 11, 20)


def msg(clock: str, who: str, text: str) -> str:
    return f"{clock} From  {who}  to  Everyone:\n\t{text}\n"


class Follower:
    def __init__(self, path: Path) -> None:
        self.stop = asyncio.Event()
        self.got: asyncio.Queue[ChatMessage] = asyncio.Queue()
        self.task = asyncio.create_task(self._run(path))

    async def _run(self, path: Path) -> None:
        async for batch in follow_chat_file(
            path, DAY, poll_seconds=0.05, settle_seconds=0.3, stop=self.stop, tz=UTC
        ):
            for m in batch:
                self.got.put_nowait(m)

    async def next(self, wait: float = 1.0) -> ChatMessage:
        return await asyncio.wait_for(self.got.get(), wait)

    async def close(self) -> None:
        self.stop.set()
        await asyncio.wait_for(self.task, 2)


async def test_appended_lines_arrive_within_a_second(tmp_path: Path) -> None:
    path = tmp_path / "meeting_saved_chat.txt"
    path.write_text(msg("10:00:00", "Ann", "hello"))
    follower = Follower(path)
    try:
        first = await follower.next()
        assert first.text == "hello"
        with path.open("a") as handle:
            handle.write(msg("10:01:00", "Bob", "Q: what about direct funding?"))
        second = await follower.next(wait=1.0)
        assert second.author_name == "Bob"
    finally:
        await follower.close()


async def test_half_written_body_is_not_cut(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text("10:00:00 From  Ann  to  Everyone:\n\tfirst line\n")
    follower = Follower(path)
    try:
        await asyncio.sleep(0.1)
        with path.open("a") as handle:
            handle.write("\tsecond line\n")
        got = await follower.next()
        assert got.text == "first line\nsecond line"
    finally:
        await follower.close()


async def test_truncated_and_replaced_files_are_read_again(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text(msg("10:00:00", "Ann", "one") + msg("10:00:05", "Ann", "two"))
    follower = Follower(path)
    try:
        assert [(await follower.next()).text for _ in range(2)] == ["one", "two"]
        path.write_text(msg("11:00:00", "Cy", "after truncation"))  # shorter: truncated
        assert (await follower.next()).text == "after truncation"
        other = tmp_path / "new.txt"
        other.write_text(
            msg("12:00:00", "Di", "a replaced file") * 1 + msg("12:00:01", "Di", "more text here")
        )
        os.replace(other, path)  # new inode
        texts = {(await follower.next()).text for _ in range(2)}
        assert texts == {"a replaced file", "more text here"}
    finally:
        await follower.close()


async def test_utf16_file_with_nul_bytes_is_followed(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_bytes(msg("10:00:00", "Zoë", "habari").encode("utf-16"))
    follower = Follower(path)
    try:
        assert (await follower.next()).author_name == "Zoë"
        with path.open("ab") as handle:  # appended UTF-16 without a second BOM, plus NUL padding
            handle.write(msg("10:01:00", "Ann", "What about core funding?").encode("utf-16-le"))
            handle.write(b"\x00\x00")
            handle.write(msg("10:02:00", "Bob", "next").encode("utf-16-le"))
        got = await follower.next()
        assert got.author_name == "Ann" and got.text == "What about core funding?"
        assert (await follower.next()).author_name == "Bob"
    finally:
        await follower.close()


async def test_a_last_line_cut_mid_line_is_not_stored_cut(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text(
        msg("10:00:00", "Ann", "hello") + "10:00:30 From  Bob  to  Everyone:\n\tWhat ab"
    )
    follower = Follower(path)
    try:
        assert (await follower.next()).text == "hello"
        await asyncio.sleep(0.8)  # quiet for longer than settle_seconds: still held back
        assert follower.got.empty()
        with path.open("a") as handle:
            handle.write("out core funding?\n")
        got = await follower.next()
        assert got.author_name == "Bob" and got.text == "What about core funding?"
    finally:
        await follower.close()


async def test_a_cut_header_alone_waits_for_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_bytes(b"10:00:00 From  Ann  to  Every")
    follower = Follower(path)
    try:
        await asyncio.sleep(0.8)
        assert follower.got.empty()
        with path.open("a") as handle:
            handle.write("one:\n\tQ: is there a fund for youth groups?\n")
        got = await follower.next()
        assert (got.author_name, got.recipient) == ("Ann", "Everyone")
    finally:
        await follower.close()


async def test_crash_padding_in_the_middle_and_at_the_end_is_followed(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_bytes(
        b"\xef\xbb\xbf"
        + msg("10:00:00", "Ann", "one").encode().replace(b"\n", b"\r\n")
        + b"\x00" * 3000
        + msg("10:00:05", "Bob", "two").encode()
        + b"\x00" * 5000
    )
    follower = Follower(path)
    try:
        got = [await follower.next() for _ in range(2)]
        assert [(m.author_name, m.text) for m in got] == [("Ann", "one"), ("Bob", "two")]
    finally:
        await follower.close()


async def test_half_a_bom_first_does_not_fix_the_wrong_encoding(tmp_path: Path) -> None:
    # Zoom caught mid-write: the first read sees one byte of a UTF-16 BOM, then the rest comes.
    path = tmp_path / "meeting_saved_chat.txt"
    whole = msg("10:00:00", "Zoë", "habari, swali kuhusu bajeti?").encode("utf-16")
    path.write_bytes(whole[:1])
    follower = Follower(path)
    try:
        await asyncio.sleep(0.2)
        with path.open("ab") as handle:
            handle.write(whole[1:])
            handle.write(msg("10:01:00", "Ann", "next").encode("utf-16-le"))
        first = await follower.next(wait=2.0)
        assert (first.author_name, first.text) == ("Zoë", "habari, swali kuhusu bajeti?")
    finally:
        await follower.close()


async def test_a_file_that_stays_a_few_bytes_long_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "meeting_saved_chat.txt"
    path.write_text("10:00:00 From  A  to  Everyone:\n\tok?\n")  # under SNIFF_BYTES
    follower = Follower(path)
    try:
        got = await follower.next(wait=2.0)
        assert (got.author_name, got.text) == ("A", "ok?")
    finally:
        await follower.close()
