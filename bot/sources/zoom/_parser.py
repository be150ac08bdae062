"""The incremental saved-chat parser and the whole-file readers built on it.

Zoom files carry no message ids, so each message's id is derived from its content (time, sender,
recipient, body) plus an occurrence counter; importing the same file twice, or following a file and
importing it afterwards, gives the same ids and therefore changes nothing in the store.

A message is complete once the next header arrives. The last one of a file is complete when the
file is final: it ends with a line end and, in clients that close each message with a blank line,
with that blank line. Otherwise (a file copied while Zoom was still writing it) the last message is
held back with a warning instead of being stored cut; importing the finished file later adds it.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path

from bot.core.model import ChatMessage, Reaction
from bot.core.text import clean_text
from bot.errors import InputError
from bot.sources.zoom._decode import iter_decoded, iter_lines, open_chunks
from bot.sources.zoom._formats import CLOUD, HEADER, Who, split_rest, split_who
from bot.sources.zoom._infer import STAMP, Dialect, infer_dialect
from bot.sources.zoom._occurrences import Occurrences, basis_key
from bot.sources.zoom._reactions import reaction_of, reply_of

log = logging.getLogger(__name__)

SOURCE = "zoom"
#: Timestamped lines buffered before the parser tries to learn an unknown format.
PROBE_LINES = 12
#: Lines without any header after which a file is declared not to be a chat.
GIVE_UP_LINES = 500
#: The start of a first line cut by a crash or copied while Zoom was writing it.
_CUT_FIRST_LINE = re.compile(r"^\ufeff?[ \t]*(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[ T]+)?\d{1,2}:\d")


class _NotAChat(Exception):
    """Many lines and not one header: this is not a chat file."""


@dataclass
class _Pending:
    clock: str
    day: date | None
    who: Who
    lines: list[str]
    cloud: bool = False
    closed: bool = False  # a blank line followed the body
    blanks: int = 0  # blank lines after the body so far: a paragraph break unless the end
    body_below: bool = False  # the header ends with ':' and the body goes on the next lines


@dataclass
class ZoomChatParser:
    """Incremental parser: feed it lines, take complete messages out."""

    event_date: date
    tz: tzinfo | None = None
    headers: int = 0
    lines_read: int = 0
    warnings: list[str] = field(default_factory=list)
    log_warnings: bool = True
    _pending: _Pending | None = None
    _seen: Occurrences = field(default_factory=Occurrences)
    _senders: set[str] = field(default_factory=set)
    _last_seconds: int | None = None
    _day: int = 0
    _style: str | None = None  # "new" (body on own lines) or "old" (text on the header line)
    _closing_blank: int = 0  # messages closed by a blank line (2025+ clients)
    _dialect: Dialect | None = None
    _probe: list[str] = field(default_factory=list)
    _probe_stamped: int = 0
    _text_lines: int = 0

    def feed(self, lines: Iterable[str]) -> list[ChatMessage]:
        """Parse more lines; returns the messages completed by them."""
        done: list[ChatMessage] = []
        for raw in lines:
            self._line(raw.rstrip("\r\n").replace("\x00", ""), done)
        return done

    def flush(self, final: bool = True) -> list[ChatMessage]:
        """Complete the last message: always when ``final``, else only if it is visibly closed."""
        done: list[ChatMessage] = []
        if self._probe:
            self._learn(force=True, done=done)
        pending = self._pending
        if pending is None:
            return done
        if self._probe:  # an unknown format not learnt yet: nothing to complete
            return done
        if not final and not pending.closed:
            self.warn(
                "the last message looks unfinished (the file is still being written or was cut); "
                "it is held back: import the finished file again to add it"
            )
            return done
        self._pending = None
        done.extend(self._finish(pending))
        return done

    @property
    def has_pending(self) -> bool:
        """Whether a message is waiting for its end."""
        return self._pending is not None or self._probe_stamped > 0

    @property
    def pending_closed(self) -> bool:
        """Whether the waiting message was followed by a blank line (visibly complete)."""
        return self._pending is not None and self._pending.closed

    @property
    def pending_complete(self) -> bool:
        """Whether the waiting message, if any, looks whole as far as the lines go: a header
        whose body goes on the next lines has at least one body line, and in files that close
        every message with a blank line, that blank line has come."""
        pending = self._pending
        if pending is None:
            return True
        if not pending.lines and pending.body_below:
            return False
        return pending.closed or not self.expects_closing_blank

    @property
    def expects_closing_blank(self) -> bool:
        """Whether this file closes every message with a blank line (2025+ clients)."""
        return self._closing_blank >= 2

    def warn(self, text: str) -> None:
        """Record a warning once (and log it)."""
        if text not in self.warnings:
            self.warnings.append(text)
            if self.log_warnings:
                log.warning("%s", text)

    # -- lines --------------------------------------------------------------------------------

    def _line(self, line: str, done: list[ChatMessage]) -> None:
        self.lines_read += 1
        if line.strip():
            self._text_lines += 1
        header = self._header(line)
        if header is None and self.headers == 0 and self._dialect is None:
            self._maybe_probe(line, done)
            return
        if header is not None:
            if self._pending is not None:
                if self._pending.closed:
                    self._closing_blank += 1
                done.extend(self._finish(self._pending))
            self._pending = header
            self.headers += 1
            self._senders.add(header.who.sender)
        elif self._pending is not None:
            body = line[1:] if line.startswith("\t") else line
            if not body.strip():
                self._pending.closed = bool(self._pending.lines)
                self._pending.blanks += self._pending.closed
            else:
                # blank lines inside a longer body are paragraph breaks, kept
                self._pending.lines.extend([""] * self._pending.blanks)
                self._pending.closed, self._pending.blanks = False, 0
                self._pending.lines.append(body)
                if self._style is None and line.startswith("\t") and self.headers == 1:
                    self._style = "new"

    def _maybe_probe(self, line: str, done: list[ChatMessage]) -> None:
        if self._text_lines > GIVE_UP_LINES and not self._probe_stamped:
            raise _NotAChat
        self._probe.append(line)
        if STAMP.match(line):
            self._probe_stamped += 1
            if self._probe_stamped >= PROBE_LINES:
                self._learn(force=False, done=done)

    def _learn(self, *, force: bool, done: list[ChatMessage]) -> None:
        dialect = infer_dialect(self._probe)
        if dialect is None:
            return
        self._dialect = dialect
        self.warn(
            "this chat's header lines match no known Zoom format; sender and recipient were "
            f"inferred from the file itself (from-word {dialect.from_word!r}, to-word "
            f"{dialect.to_word!r}, everyone = {dialect.group!r}): check the result"
        )
        probe, self._probe, self._probe_stamped = self._probe, [], 0
        for line in probe:
            self.lines_read -= 1
            if line.strip():
                self._text_lines -= 1
            self._line(line, done)

    def _header(self, line: str) -> _Pending | None:
        if self._dialect is not None:
            parsed = self._dialect.parse(line)
            if parsed is None:
                return None
            clock, day, who, text = parsed
            return _Pending(clock, day, who, [text] if text else [])
        if match := HEADER.match(line):
            parts = split_rest(match["rest"], self._style, self._senders)
            if parts is None:
                return None
            who_text, text = parts
            who = split_who(who_text, self._senders)
            day = _iso_date(match["date"])
            if text is not None:
                self._style = self._style or "old"
                return _Pending(match["time"], day, who, [text])
            return _Pending(match["time"], day, who, [], body_below=True)
        if match := CLOUD.match(line):
            return _Pending(
                match["time"],
                None,
                Who(match["who"].strip(), None, False),
                [match["text"]],
                cloud=True,
            )
        return None

    # -- messages -----------------------------------------------------------------------------

    def _timestamp(self, pending: _Pending) -> datetime:
        hours, minutes, seconds = (int(x) for x in pending.clock.split(":"))
        total = hours * 3600 + minutes * 60 + seconds
        zone = self.tz or local_tz()
        if pending.day is not None:
            return datetime.combine(pending.day, time(0, 0), tzinfo=zone) + timedelta(seconds=total)
        base = datetime.combine(self.event_date, time(0, 0), tzinfo=zone)
        if pending.cloud:
            return base + timedelta(seconds=total)
        # Local times with no date: a big jump backwards means the meeting passed midnight.
        if self._last_seconds is not None and total < self._last_seconds - 6 * 3600:
            self._day += 1
        self._last_seconds = total
        return base + timedelta(days=self._day, seconds=total)

    def _finish(self, pending: _Pending) -> list[ChatMessage]:
        lines = pending.lines
        while lines and not lines[-1].strip():
            lines.pop()
        body = "\n".join(lines).strip()
        who = pending.who
        sent_at = self._timestamp(pending)
        clock = f"{pending.day.isoformat()} {pending.clock}" if pending.day else pending.clock
        # Paragraph breaks stay out of the id (earlier versions dropped them from the text), so
        # a chat imported by an earlier version and imported again adds nothing.
        compact = "\n".join(line for line in lines if line.strip()).strip()
        basis = f"{clock}|{who.sender}|{who.recipient}|{who.private}|{compact}"
        # Counted by an 8-byte key in a sorted array, not the text (a 560,000-message file
        # would keep about 130 MB of text alive) nor a Counter of digests (about 55 MB).
        count = self._seen.add(basis_key(basis))
        digest = hashlib.sha1(f"{basis}#{count}".encode()).hexdigest()[:20]
        reply_snippet = None
        reaction = None
        if reacted := reaction_of(body):
            emoji, snippet, removed = reacted
            reaction = Reaction(emoji=emoji, target_snippet=snippet, removed=removed)
        else:
            first, _, rest = body.partition("\n")
            if (quoted := reply_of(first)) is not None:
                reply_snippet = quoted
                body = rest.strip()
        sender = clean_text(who.sender)
        if not sender:
            return []
        return [
            ChatMessage(
                source=SOURCE,
                source_message_id=digest,
                sent_at=sent_at,
                author_name=sender,
                text=clean_text(body),
                is_private=who.private,
                recipient=clean_text(who.recipient) if who.recipient else None,
                reply_to_snippet=reply_snippet,
                reaction=reaction,
            )
        ]


def _iso_date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text.replace("/", "-").replace(".", "-"))
    except ValueError:
        return None


def local_tz() -> tzinfo:
    """This machine's time zone (Zoom writes local times)."""
    zone = datetime.now().astimezone().tzinfo
    assert zone is not None
    return zone


# -- whole files ---------------------------------------------------------------------------------


def iter_chat_lines(
    lines: Iterable[str],
    event_date: date,
    where: str = "chat",
    tz: tzinfo | None = None,
    *,
    batch: int = 1000,
    final: bool | None = None,
    parser: ZoomChatParser | None = None,
) -> Iterator[list[ChatMessage]]:
    """Parse lines (each keeping its line end) into batches of messages, in one pass.

    ``final=None`` decides from the text whether the last message is complete (see the module
    docstring). An empty text, or one without any chat line, is an :class:`InputError`.
    """
    parser = parser or ZoomChatParser(event_date, tz)
    ready: list[ChatMessage] = []
    last = ""
    try:
        for line in lines:
            last = line
            ready.extend(parser.feed([line]))
            if len(ready) >= batch:
                yield ready
                ready = []
    except _NotAChat:
        raise InputError(
            f"{where} does not look like a Zoom chat file (no 'HH:MM:SS From <name>' lines)"
        ) from None
    if final is None:
        final = last.endswith("\n") and parser.pending_complete
    ready.extend(parser.flush(final=final))
    if parser._text_lines == 0:
        raise InputError(f"{where} is empty: there are no chat messages in it")
    if parser.headers == 0 and not last.endswith("\n") and _CUT_FIRST_LINE.match(last):
        raise InputError(
            f"{where} holds no complete chat line yet (its first line is cut: Zoom is still "
            "writing it, or the file was cut); import it again once Zoom has saved it"
        )
    if parser.headers == 0:
        raise InputError(
            f"{where} does not look like a Zoom chat file (no 'HH:MM:SS From <name>' lines)"
        )
    if ready:
        yield ready


def parse_chat_text(
    text: str, event_date: date, where: str = "chat", tz: tzinfo | None = None
) -> list[ChatMessage]:
    """Parse a whole saved-chat text (the text is final: the last message is complete)."""
    lines = text.replace("\x00", "").splitlines(keepends=True)
    return [m for batch in iter_chat_lines(lines, event_date, where, tz, final=True) for m in batch]


def iter_chat_file(
    path: Path,
    event_date: date,
    tz: tzinfo | None = None,
    *,
    batch: int = 1000,
    progress: Callable[[int], None] | None = None,
    warnings: list[str] | None = None,
) -> Iterator[list[ChatMessage]]:
    """Stream a saved chat file (UTF-8 or UTF-16, NULs removed) once, in batches of messages.

    ``progress`` is called with the number of bytes read so far; warnings (an inferred format,
    an unfinished last message) are appended to ``warnings``.
    """
    read = 0

    def counted() -> Iterator[bytes]:
        nonlocal read
        for chunk in open_chunks(Path(path), "chat file"):
            read += len(chunk)
            if progress is not None:
                progress(read)
            yield chunk

    parser = ZoomChatParser(event_date, tz)
    lines = iter_lines(iter_decoded(counted(), path, "chat file"))
    try:
        yield from iter_chat_lines(lines, event_date, str(path), tz, batch=batch, parser=parser)
    finally:
        if warnings is not None:
            warnings.extend(w for w in parser.warnings if w not in warnings)


def read_chat_file(path: Path, event_date: date, tz: tzinfo | None = None) -> list[ChatMessage]:
    """Read and parse a saved Zoom chat file."""
    return [m for batch in iter_chat_file(path, event_date, tz) for m in batch]


#: How much of a chat file :func:`check_chat_head` reads.
HEAD_BYTES = 1 << 18


def check_chat_head(path: Path) -> str | None:
    """Raise :class:`InputError` (one line) for a missing, binary, empty or non-chat file, from
    its first part only: a cheap check before anything is opened or written.

    Returns the chat's fingerprint: the id of its first complete message (content-derived, so
    the same chat gives the same fingerprint however far it has grown), or ``None`` when the
    file does not hold one complete message yet.
    """
    head: list[bytes] = []
    size = 0
    for chunk in open_chunks(Path(path), "chat file"):
        head.append(chunk)
        size += len(chunk)
        if size >= HEAD_BYTES:
            break
    lines = iter_lines(iter_decoded(head, path, "chat file"))
    quiet = ZoomChatParser(date(2000, 1, 1), UTC, log_warnings=False)
    first: str | None = None
    for batch in iter_chat_lines(lines, quiet.event_date, str(path), parser=quiet):
        if first is None and batch:
            first = batch[0].source_message_id
    return first


def chat_fingerprint(path: Path) -> str | None:
    """:func:`check_chat_head`'s fingerprint, or ``None`` for a file that is not a chat yet
    (empty, or still being written by Zoom)."""
    try:
        return check_chat_head(path)
    except InputError:
        return None
