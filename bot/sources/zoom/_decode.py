"""Bytes to text for Zoom files: UTF-8 (with or without BOM), UTF-16 (with or without BOM), NULs.

Zoom writes UTF-8; Windows tools re-save chats and reports as UTF-16 ("Unicode text"); a crash can
pad a file with NUL bytes. Everything here works on a stream, so a 50 MB chat is read once in
chunks with bounded memory.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from bot.errors import InputError

CHUNK = 1 << 16
_NUL_RUN = re.compile(rb"\x00{3,}")


def sniff_encoding(head: bytes) -> str | None:
    """The encoding of a file from its first bytes; None when the bytes are not text."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le-bom"
    if head.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be-bom"
    # Crash padding (long runs of NUL bytes) says nothing about the encoding: runs are cut down
    # to their parity, which keeps the UTF-16 alignment of what follows.
    sample = _NUL_RUN.sub(lambda run: b"\x00" * (len(run[0]) % 2), head[:65536])[:4096]
    half = max(1, len(sample) // 2)
    low, high = sample[0::2], sample[1::2]
    odd_nuls, even_nuls = high.count(0), low.count(0)
    # UTF-16 without BOM: ASCII characters (digits, spaces, colons) leave NULs on one side only.
    # A character outside the BMP (an emoji) is a surrogate pair whose low surrogate may put a
    # NUL on the other side (U+1F600 is D83D DE00): such units are not counted against UTF-16.
    units = list(zip(low, high, strict=False))  # an odd last byte has no pair
    le_surrogate_nuls = sum(1 for a, b in units if a == 0 and 0xD8 <= b <= 0xDF)
    be_surrogate_nuls = sum(1 for a, b in units if b == 0 and 0xD8 <= a <= 0xDF)
    for encoding, ours, theirs in (
        ("utf-16-le", odd_nuls, even_nuls - le_surrogate_nuls),
        ("utf-16-be", even_nuls, odd_nuls - be_surrogate_nuls),
    ):
        if len(sample) >= 8 and ours >= 0.2 * half and theirs <= 0.02 * half:
            try:
                sample[: len(sample) // 2 * 2].decode(encoding)
            except UnicodeDecodeError:
                continue
            return encoding
    return "utf-8"


def incremental_decoder(encoding: str, errors: str = "strict") -> codecs.IncrementalDecoder:
    """A decoder for :func:`sniff_encoding`'s answer (a BOM is consumed, not returned)."""
    name = {"utf-16-le-bom": "utf-16", "utf-16-be-bom": "utf-16"}.get(encoding, encoding)
    return codecs.getincrementaldecoder(name)(errors=errors)


def _check_binary(data: bytes, where: Path | str, what: str) -> None:
    # A few NULs (crash padding) are stripped; NULs plus bytes that are not UTF-8 mean binary.
    if b"\x00" in data:
        try:
            data.replace(b"\x00", b"").decode("utf-8")
        except UnicodeDecodeError as exc:
            if exc.end < len(data) - 4:
                raise InputError(f"{where} is a binary file, not a {what}") from None


def decode_text(data: bytes, where: Path | str, what: str) -> str:
    """Decode a whole file's bytes; binary data is an :class:`InputError`; NULs are removed."""
    return "".join(iter_decoded([data], where, what))


def iter_decoded(chunks: Iterable[bytes], where: Path | str, what: str) -> Iterator[str]:
    """Decode a stream of byte chunks to text pieces (NULs removed), sniffing the encoding."""
    decoder: codecs.IncrementalDecoder | None = None
    encoding = "utf-8"
    offset = 0
    for chunk in chunks:
        if decoder is None:
            encoding = sniff_encoding(chunk) or "utf-8"
            decoder = incremental_decoder(encoding)
            if encoding == "utf-8":
                _check_binary(chunk[:CHUNK], where, what)
        if encoding == "utf-8":
            chunk = chunk.replace(b"\x00", b"")
        try:
            text = decoder.decode(chunk)
        except UnicodeDecodeError as exc:
            raise _decode_error(encoding, where, what, offset + exc.start) from None
        offset += len(chunk)
        if text:
            yield text.replace("\x00", "")
    if decoder is not None:
        try:
            tail = decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            # Only the end of the file is undecodable: a character cut by a crash or a copy
            # taken while Zoom was writing (or an odd NUL of crash padding). The line it is
            # on has no line end, so its message is held back, never stored cut.
            tail = ""
        if tail:
            yield tail.replace("\x00", "")


def _decode_error(encoding: str, where: Path | str, what: str, at: int) -> InputError:
    if encoding.startswith("utf-16"):
        return InputError(f"{where} is not a readable {what} (bad UTF-16)")
    return InputError(f"{where} is not a UTF-8 text {what} (undecodable byte at offset {at})")


def iter_lines(pieces: Iterable[str]) -> Iterator[str]:
    """Split decoded text pieces into lines, each keeping its ``\n``; the last may lack one."""
    rest = ""
    for piece in pieces:
        rest += piece
        *lines, rest = rest.split("\n")
        for line in lines:
            yield line + "\n"
    if rest:
        yield rest


def open_chunks(path: Path, what: str) -> Iterator[bytes]:
    """Read a file in chunks, with one-line errors for missing files and folders."""
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed by the generator
    except FileNotFoundError:
        raise InputError(f"{what} not found: {path}") from None
    except IsADirectoryError:
        raise InputError(f"{what} is a folder, not a file: {path}") from None
    except OSError as exc:
        raise InputError(f"cannot read {what} {path}: {exc.strerror}") from None
    return _chunks(handle)


def _chunks(handle: BinaryIO) -> Iterator[bytes]:
    with handle:
        while chunk := handle.read(CHUNK):
            yield chunk


def read_text_file(path: Path, what: str) -> str:
    """Read a whole text file (UTF-8 or UTF-16, NULs removed) with one-line errors."""
    return "".join(iter_decoded(open_chunks(Path(path), what), path, what))
