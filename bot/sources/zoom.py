"""Zoom chat sources: saved chat files (both client formats, cloud-recording chat) and reports.

Formats are described in ``shared/reference/zoom-formats.md``:

* older clients: ``13:35:59<TAB> From  Name : text`` with continuation lines without prefix;
* newer clients: ``10:01:00 From  Name  to  Everyone:`` then the body on TAB-indented lines;
* cloud recording: ``00:58:04<TAB>Alex:<TAB>Text`` with elapsed times.

Zoom files carry no message ids, so each message's id is derived from its content (time, sender,
recipient, body) plus an occurrence counter; importing the same file twice, or following a file and
importing it afterwards, gives the same ids and therefore changes nothing in the store.
"""

from __future__ import annotations

import asyncio
import csv
import hashlib
import io
import logging
import os
import re
from collections import Counter
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path

from bot.core.model import ChatMessage, Reaction
from bot.core.text import clean_text
from bot.errors import InputError

log = logging.getLogger(__name__)

SOURCE = "zoom"

_TIME = r"(?P<time>\d{1,2}:\d{2}:\d{2})"
_NEW_HEADER = re.compile(rf"^{_TIME}[ \t]+From[ \t]+(?P<who>.+?):[ \t]*$")
_OLD_HEADER = re.compile(rf"^{_TIME}[ \t]+From[ \t]+(?P<who>.+?)[ \t]+:[ \t]?(?P<text>.*\S.*)$")
_CLOUD = re.compile(rf"^{_TIME}\t(?P<who>[^\t]+?):\t(?P<text>.*)$")
_PRIVATE = re.compile(r"\s*\((?:privately|direct message)\)\s*$", re.IGNORECASE)
_TO = re.compile(r"[ \t]+to[ \t]+", re.IGNORECASE)
_GROUP_RECIPIENT = re.compile(
    r"^(everyone|hosts?( and panel+ists?)?|all panel+ists?( and attendees)?|panel+ists?|me)\b",
    re.IGNORECASE,
)
_REPLY = re.compile(r'^Replying to "(?P<snippet>.*)"\s*$', re.DOTALL)
_REACTED = re.compile(r'^Reacted to "(?P<snippet>.*)" with (?P<emoji>\S+)\s*$', re.DOTALL)
_REMOVED = re.compile(r'^Removed an? (?P<emoji>\S+) reaction from "(?P<snippet>.*)"\s*$', re.DOTALL)
_FOLDER_DATE = re.compile(r"(?P<date>\d{4}-\d{2}-\d{2})[ _]\d{2}\.\d{2}\.\d{2}")


def read_text_file(path: Path, what: str) -> str:
    """Read a UTF-8 text file, with one-line errors for missing, binary and undecodable files."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(f"{what} not found: {path}") from None
    except IsADirectoryError:
        raise InputError(f"{what} is a folder, not a file: {path}") from None
    except OSError as exc:
        raise InputError(f"cannot read {what} {path}: {exc.strerror}") from None
    return decode_text(data, path, what)


def decode_text(data: bytes, path: Path | str, what: str) -> str:
    """Decode file bytes as text; binary data is an :class:`InputError`."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(f"{path} is not a readable {what} (bad UTF-16)") from None
    if b"\x00" in data[:65536]:
        raise InputError(f"{path} is a binary file, not a {what}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path} is not a UTF-8 text {what} (undecodable byte at offset {exc.start})"
        ) from None


def date_from_path(path: Path) -> date | None:
    """The meeting date from Zoom's folder name ``YYYY-MM-DD HH.MM.SS Topic``, if present."""
    for part in (path.parent.name, path.name):
        match = _FOLDER_DATE.search(part)
        if match:
            try:
                return date.fromisoformat(match.group("date"))
            except ValueError:
                return None
    return None


def event_name_from_path(path: Path) -> str:
    """A default event name: the Zoom folder's topic, or the file name."""
    folder = path.resolve().parent.name
    match = re.match(r"^\d{4}-\d{2}-\d{2} \d{2}\.\d{2}\.\d{2} (?P<topic>.+)$", folder)
    if match:
        return f"{folder[:10]} {match.group('topic')}"
    return path.stem


def _split_who(who: str) -> tuple[str, str | None, bool]:
    """'Ann  to  Bob(Direct Message)' -> ('Ann', 'Bob', True)."""
    who = who.strip()
    private = bool(_PRIVATE.search(who))
    if private:
        who = _PRIVATE.sub("", who)
    splits = list(_TO.finditer(who))
    chosen = None
    for match in reversed(splits):
        recipient = who[match.end() :].strip()
        if private or _GROUP_RECIPIENT.match(recipient):
            chosen = match
            break
    if chosen is None and len(splits) == 1 and private:
        chosen = splits[0]
    if chosen is None:
        return who, None, private
    return who[: chosen.start()].strip(), who[chosen.end() :].strip(), private


@dataclass
class _Pending:
    clock: str
    who: str
    lines: list[str]
    cloud: bool = False


@dataclass
class ZoomChatParser:
    """Incremental parser: feed it lines, take complete messages out.

    A message is complete once the next header line arrives (its body may still be growing
    until then); :meth:`flush` completes the last one at the end of a file or after a quiet spell.
    """

    event_date: date
    tz: tzinfo | None = None
    _pending: _Pending | None = None
    _seen: Counter[str] = field(default_factory=Counter)
    _last_seconds: int | None = None
    _day: int = 0
    headers: int = 0

    def feed(self, lines: Iterable[str]) -> list[ChatMessage]:
        """Parse more lines; returns the messages completed by them."""
        done: list[ChatMessage] = []
        for raw in lines:
            line = raw.rstrip("\r\n")
            header = self._header(line)
            if header is not None:
                if self._pending is not None:
                    done.extend(self._finish(self._pending))
                self._pending = header
                self.headers += 1
            elif self._pending is not None:
                self._pending.lines.append(line[1:] if line.startswith("\t") else line)
        return done

    def flush(self) -> list[ChatMessage]:
        """Complete the last message (end of file)."""
        pending, self._pending = self._pending, None
        return self._finish(pending) if pending else []

    @property
    def has_pending(self) -> bool:
        """Whether a message is waiting for its end."""
        return self._pending is not None

    def _header(self, line: str) -> _Pending | None:
        if match := _OLD_HEADER.match(line):
            return _Pending(match["time"], match["who"], [match["text"]])
        if match := _NEW_HEADER.match(line):
            return _Pending(match["time"], match["who"], [])
        if match := _CLOUD.match(line):
            return _Pending(match["time"], match["who"], [match["text"]], cloud=True)
        return None

    def _timestamp(self, clock: str, cloud: bool) -> datetime:
        hours, minutes, seconds = (int(x) for x in clock.split(":"))
        total = hours * 3600 + minutes * 60 + seconds
        base = datetime.combine(self.event_date, time(0, 0), tzinfo=self.tz or local_tz())
        if cloud:
            return base + timedelta(seconds=total)
        # Local times with no date: a big jump backwards means the meeting passed midnight.
        if self._last_seconds is not None and total < self._last_seconds - 6 * 3600:
            self._day += 1
        self._last_seconds = total
        return base + timedelta(days=self._day, seconds=total)

    def _finish(self, pending: _Pending) -> list[ChatMessage]:
        while pending.lines and not pending.lines[-1].strip():
            pending.lines.pop()
        body = "\n".join(pending.lines).strip()
        sender, recipient, private = _split_who(pending.who)
        sent_at = self._timestamp(pending.clock, pending.cloud)
        basis = f"{pending.clock}|{sender}|{recipient}|{private}|{body}"
        self._seen[basis] += 1
        digest = hashlib.sha1(f"{basis}#{self._seen[basis]}".encode()).hexdigest()[:20]
        reply_snippet = None
        reaction = None
        if match := _REACTED.match(body):
            reaction = Reaction(emoji=match["emoji"], target_snippet=match["snippet"])
        elif match := _REMOVED.match(body):
            reaction = Reaction(emoji=match["emoji"], target_snippet=match["snippet"], removed=True)
        else:
            first, _, rest = body.partition("\n")
            if reply := _REPLY.match(first):
                reply_snippet = reply["snippet"]
                body = rest.strip()
        if not sender:
            return []
        return [
            ChatMessage(
                source=SOURCE,
                source_message_id=digest,
                sent_at=sent_at,
                author_name=clean_text(sender),
                text=clean_text(body),
                is_private=private,
                recipient=clean_text(recipient) if recipient else None,
                reply_to_snippet=reply_snippet,
                reaction=reaction,
            )
        ]


def local_tz() -> tzinfo:
    """This machine's time zone (Zoom writes local times)."""
    zone = datetime.now().astimezone().tzinfo
    assert zone is not None
    return zone


def parse_chat_text(
    text: str, event_date: date, where: str = "chat", tz: tzinfo | None = None
) -> list[ChatMessage]:
    """Parse a whole saved-chat text. A non-empty text without any message is an error."""
    parser = ZoomChatParser(event_date, tz)
    messages = parser.feed(text.splitlines())
    messages.extend(parser.flush())
    if text.strip() and parser.headers == 0:
        raise InputError(
            f"{where} does not look like a Zoom chat file (no 'HH:MM:SS From <name>' lines)"
        )
    return messages


def read_chat_file(path: Path, event_date: date, tz: tzinfo | None = None) -> list[ChatMessage]:
    """Read and parse a saved Zoom chat file."""
    return parse_chat_text(read_text_file(path, "chat file"), event_date, str(path), tz)


# -- following a file that Zoom is still writing -----------------------------------------------


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

    Polls size and inode: appended bytes are parsed incrementally; a truncated or replaced file is
    read again from the start (ids are content-derived, so re-reading re-yields only duplicates
    that the store ignores). The last message is held back until the next header arrives or the
    file has been quiet for ``settle_seconds``, so a half-written body is never cut in two.
    """
    parser = ZoomChatParser(event_date, tz)
    offset = 0
    inode: int | None = None
    buffer = b""
    quiet_since = asyncio.get_running_loop().time()
    while stop is None or not stop.is_set():
        try:
            info = os.stat(path)
        except FileNotFoundError:
            await asyncio.sleep(poll_seconds)
            continue
        if inode is not None and (info.st_ino != inode or info.st_size < offset):
            log.info("chat file was replaced or truncated; reading it again from the start")
            parser, offset, buffer = ZoomChatParser(event_date, tz), 0, b""
        inode = info.st_ino
        batch: list[ChatMessage] = []
        if info.st_size > offset:
            chunk = await asyncio.to_thread(_read_from, path, offset, info.st_size - offset)
            offset += len(chunk)
            buffer += chunk
            complete, _, buffer = buffer.rpartition(b"\n")
            if complete:
                text = decode_text(complete + b"\n", path, "chat file")
                batch.extend(parser.feed(text.splitlines()))
            quiet_since = asyncio.get_running_loop().time()
        elif (
            parser.has_pending and asyncio.get_running_loop().time() - quiet_since > settle_seconds
        ):
            if buffer:
                batch.extend(parser.feed(decode_text(buffer, path, "chat file").splitlines()))
                buffer = b""
            batch.extend(parser.flush())
        if batch:
            yield batch
        await asyncio.sleep(poll_seconds)


def _read_from(path: Path, offset: int, size: int) -> bytes:
    with open(path, "rb") as handle:
        handle.seek(offset)
        return handle.read(size)


# -- registration report -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Registrant:
    """One row of a Zoom registration report (personal data: keep out of logs)."""

    first_name: str
    last_name: str
    email: str | None
    country: str | None
    organisation: str | None
    name_consent: bool = False  # agreed to be named in exports (a consent column said yes)

    @property
    def display_name(self) -> str:
        """First and last name as Zoom shows them by default."""
        return f"{self.first_name} {self.last_name}".strip()


_NAME_COLUMNS = ("first name", "name", "user name (original name)", "full name")


#: A registration-report column whose header holds one of these asks for consent to be named.
_CONSENT_WORDS = (
    "consent",
    "toestemming",
    "consentement",
    "consentimiento",
    "consentimento",
    "ridhaa",
    "name in report",
    "naam in verslag",
)
_YES = frozenset(
    {"yes", "y", "true", "1", "ja", "j", "oui", "sí", "si", "sim", "ndiyo", "x", "agree", "i agree"}
)


def parse_registration_report(text: str, where: str = "registration report") -> list[Registrant]:
    """Parse a Zoom registration report CSV; the header row is found by its column names."""
    try:
        rows = list(csv.reader(io.StringIO(text)))
    except csv.Error as exc:
        raise InputError(f"{where} is not a valid CSV file: {exc}") from None
    header_at = None
    # Reports carry several sections (host details, panelists...): the registrant section is the
    # one headed by "First Name"; other name columns are a fallback for other report kinds.
    for wanted in (("first name",), _NAME_COLUMNS):
        for index, row in enumerate(rows):
            lowered = [cell.strip().lower() for cell in row]
            if any(c in lowered for c in wanted) and (
                "email" in lowered or "last name" in lowered or "country/region" in lowered
            ):
                header_at = index
                break
        if header_at is not None:
            break
    if header_at is None:
        raise InputError(
            f"{where} has no registrant header row "
            "(expected columns such as 'First Name', 'Last Name', 'Email', 'Country/Region')"
        )
    header = [cell.strip().lower() for cell in rows[header_at]]

    def col(*names: str) -> int | None:
        for name in names:
            if name in header:
                return header.index(name)
        return None

    first = col("first name", "name", "user name (original name)", "full name")
    last = col("last name")
    email = col("email", "email address")
    country = col("country/region", "country", "country/region name")
    org = col("organization", "organisation", "company")
    consent = next(
        (i for i, name in enumerate(header) if any(w in name for w in _CONSENT_WORDS)), None
    )
    result = []
    for number, row in enumerate(rows[header_at + 1 :], start=header_at + 2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(header) - 2 or len(row) > len(header) + 2:
            raise InputError(
                f"{where}: line {number} has {len(row)} columns, the header has {len(header)}"
            )

        def get(i: int | None, row: list[str] = row) -> str | None:
            return clean_text(row[i]) or None if i is not None and i < len(row) else None

        first_name = get(first)
        if not first_name:
            continue
        result.append(
            Registrant(
                first_name=first_name,
                last_name=get(last) or "",
                email=get(email),
                country=get(country),
                organisation=get(org),
                name_consent=(get(consent) or "").strip().lower() in _YES,
            )
        )
    return result


def read_registration_report(path: Path) -> list[Registrant]:
    """Read a Zoom registration report file."""
    text = read_text_file(path, "registration report")
    return parse_registration_report(text, str(path))
