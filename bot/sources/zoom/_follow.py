"""Following a saved-chat file that Zoom is still writing."""

from __future__ import annotations

import asyncio
import codecs
import logging
import os
from collections.abc import AsyncIterator
from datetime import date, tzinfo
from pathlib import Path

from bot.core.model import ChatMessage
from bot.sources.zoom._decode import incremental_decoder, sniff_encoding
from bot.sources.zoom._parser import ZoomChatParser

log = logging.getLogger(__name__)


async def follow_chat_file(
    path: Path,
    event_date: date,
    *,
    poll_seconds: float = 0.2,
    settle_seconds: float = 0.6,
    stop: asyncio.Event | None = None,
    tz: tzinfo | None = None,
) -> AsyncIterator[list[ChatMessage]]:
    """Yield batches of new messages as Zoom appends them to ``path``.

    Polls size and inode: appended bytes are decoded incrementally (UTF-8 or UTF-16, as sniffed
    from the file's first bytes; NULs and undecodable bytes never stop it) and parsed; a truncated
    or replaced file is read again from the start (ids are content-derived, so re-reading re-yields
    only duplicates that the store ignores). The last message is held back until the next header
    arrives or the file has been quiet for ``settle_seconds``, so a half-written body is never cut;
    a last line without its line end (Zoom stopped mid-line, or crashed) or a 2025+ message
    without its closing blank line is held back until the rest arrives, never stored cut.
    """
    parser = ZoomChatParser(event_date, tz)
    offset = 0
    inode: int | None = None
    decoder: codecs.IncrementalDecoder | None = None
    head = b""  # the first bytes, until there are enough to tell the encoding
    rest = ""
    loop = asyncio.get_running_loop()
    quiet_since = loop.time()
    while stop is None or not stop.is_set():
        try:
            info = os.stat(path)
        except FileNotFoundError:
            await asyncio.sleep(poll_seconds)
            continue
        if inode is not None and (info.st_ino != inode or info.st_size < offset):
            log.info("chat file was replaced or truncated; reading it again from the start")
            parser, offset, decoder, head, rest = ZoomChatParser(event_date, tz), 0, None, b"", ""
        inode = info.st_ino
        batch: list[ChatMessage] = []
        quiet = loop.time() - quiet_since > settle_seconds
        data = b""
        arrived = info.st_size > offset
        if arrived:
            data = await asyncio.to_thread(_read_from, path, offset, info.st_size - offset)
            offset += len(data)
            quiet_since = loop.time()
        if decoder is None:
            # half a BOM, a few bytes: wait for more, or decide from what there is once quiet
            head, data = head + data, b""
            if head and (_enough_to_sniff(head) or (quiet and not arrived)):
                decoder = incremental_decoder(sniff_encoding(head) or "utf-8", errors="replace")
                head, data = b"", head
        if data:
            assert decoder is not None
            rest += decoder.decode(data).replace("\x00", "")
            *complete, rest = rest.split("\n")
            batch.extend(parser.feed(complete))
        elif _settled(parser, rest) and quiet:
            batch.extend(parser.flush())
        if batch:
            yield batch
        await asyncio.sleep(poll_seconds)


#: Bytes :func:`follow_chat_file` waits for before it tells the encoding (unless the file is a
#: whole BOM long or goes quiet): Zoom may be caught mid-write with half a UTF-16 BOM or a
#: couple of bytes, which would fix the wrong decoder for the whole session.
SNIFF_BYTES = 64


def _enough_to_sniff(head: bytes) -> bool:
    """Whether the first bytes tell the encoding: a whole BOM, or :data:`SNIFF_BYTES`."""
    if head.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    return len(head) >= SNIFF_BYTES


def _settled(parser: ZoomChatParser, rest: str) -> bool:
    """Whether the pending message may be completed on quiet: it ends with a whole line and
    looks whole (:attr:`ZoomChatParser.pending_complete`)."""
    if not parser.has_pending or rest.strip("\x00\r"):
        return False
    return parser.pending_complete


def _read_from(path: Path, offset: int, size: int) -> bytes:
    with open(path, "rb") as handle:
        handle.seek(offset)
        return handle.read(size)
