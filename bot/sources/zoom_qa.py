"""The Zoom webinar Q&A report (CSV from the Zoom web portal): questions, askers, answers.

The report starts with preamble sections (report title, a ``Topic,Webinar ID,...`` block, host
details) before the rows; the header row is found by its column names (``Question`` and
``Asker Name``), not by its line number. Known columns: ``#``, ``Question``, ``Asker Name``,
``Asker Email``, ``Answer(s)``; taken when present: a question time (``Question Time``/``Time``),
an upvote count (``Upvote(s)``/``Upvote Count``), ``Answered By``, and a privacy column
(``Privacy``/``Type``/``Mode``) whose ``private`` rows are kept out of the queue. Quoted cells
may span lines. An asker named ``Anonymous``/``Anonymous Attendee`` (or no name) is anonymous:
each such question gets its own pseudonymous asker, never someone's name.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from bot.core.model import ChatMessage
from bot.core.text import clean_text
from bot.errors import InputError

SOURCE = "zoom-qa"
ANONYMOUS = {"", "anonymous", "anonymous attendee", "anonymous participant"}
_TIME_FORMATS = ("%Y-%m-%d %H:%M:%S", "%m/%d/%Y %H:%M:%S", "%b %d, %Y %H:%M:%S", "%H:%M:%S")


@dataclass(frozen=True, slots=True)
class QaEntry:
    """One row of the Q&A report as chat: the question and the answers given to it."""

    question: ChatMessage
    answers: tuple[ChatMessage, ...]
    upvotes: int
    anonymous: bool
    answered: bool


def _column(header: list[str], *names: str) -> int | None:
    lowered = [h.strip().lower() for h in header]
    for name in names:
        if name in lowered:
            return lowered.index(name)
    return None


def _when(text: str, day: date, tz: tzinfo | None, fallback: datetime) -> datetime:
    text = text.strip()
    for fmt in _TIME_FORMATS:
        try:
            parsed = datetime.strptime(text, fmt)
        except ValueError:
            continue
        if fmt == "%H:%M:%S":
            parsed = datetime.combine(day, parsed.time())
        return parsed.replace(tzinfo=tz) if tz else parsed.astimezone()
    return fallback


def _id(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def parse_qa_report(
    text: str, day: date, tz: tzinfo | None = None, where: str = "Q&A report"
) -> list[QaEntry]:
    """The report's rows, in order; :class:`InputError` when there is no Q&A table."""
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    start = next(
        (
            i
            for i, row in enumerate(rows)
            if _column(row, "question") is not None and _column(row, "asker name") is not None
        ),
        None,
    )
    if start is None:
        raise InputError(f"{where}: no row with the columns Question and Asker Name")
    header = rows[start]
    col = {
        "question": _column(header, "question"),
        "name": _column(header, "asker name"),
        "email": _column(header, "asker email"),
        "answers": _column(header, "answer(s)", "answers", "answer"),
        "time": _column(header, "question time", "time", "asked at"),
        "upvotes": _column(header, "upvote(s)", "upvotes", "upvote count", "upvote"),
        "by": _column(header, "answered by", "answerer"),
        "privacy": _column(header, "privacy", "type", "mode"),
    }
    base = datetime.combine(day, time(12, 0), tz) if tz else datetime.combine(day, time(12, 0))

    def cell(row: list[str], key: str) -> str:
        i = col[key]
        return row[i].strip() if i is not None and i < len(row) else ""

    entries = []
    for number, row in enumerate(rows[start + 1 :], 1):
        question = clean_text(cell(row, "question"))
        if not question:
            continue
        name = cell(row, "name")
        anonymous = name.lower() in ANONYMOUS
        asked = _when(cell(row, "time"), day, tz, base + timedelta(seconds=number))
        qid = _id(str(number), name, question)
        message = ChatMessage(
            source=SOURCE,
            source_message_id=qid,
            sent_at=asked,
            author_name=f"Anonymous attendee {number}" if anonymous else name,
            # everything in the Q&A panel is a question: the explicit prefix tells question
            # detection so (it is stripped before the question is queued)
            text=f"Q: {question}",
            is_private=cell(row, "privacy").lower().startswith("private"),
            author_email=None if anonymous else (cell(row, "email") or None),
            author_key=f"zoom-qa-anonymous-{qid}" if anonymous else None,
        )
        answers = tuple(
            ChatMessage(
                source=SOURCE,
                source_message_id=_id(qid, "answer", str(i)),
                sent_at=asked + timedelta(seconds=i + 1),
                author_name=cell(row, "by") or "Host",
                text=answer,
                is_private=message.is_private,
                reply_to_source_id=qid,
                is_host=True,
            )
            for i, answer in enumerate(_answers(cell(row, "answers")))
        )
        votes = cell(row, "upvotes")
        live = cell(row, "answers").lower() == "live answered"
        upvotes = int(votes) if votes.isdigit() else 0
        entries.append(QaEntry(message, answers, upvotes, anonymous, bool(answers) or live))
    return entries


def _answers(text: str) -> list[str]:
    """The answers of one row (Zoom joins several with line breaks or ``|``)."""
    if not text.strip() or text.strip().lower() in ("-", "n/a", "live answered"):
        return []
    parts = [p.strip() for chunk in text.split(" | ") for p in chunk.split("\n\n")]
    return [clean_text(p) for p in parts if p.strip()]
