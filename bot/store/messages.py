"""The chat record: every message, public or private, and the intake's high-water marks."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from bot.core.model import MessageKind
from bot.errors import BarazaError
from bot.store.base import Db, dt, ts
from bot.store.records import MessageRef

#: How far back a quoted snippet is looked for first (see :meth:`MessageRepo.by_snippet`).
SNIPPET_WINDOW = timedelta(hours=1)

_REF = (
    "SELECT m.id, q.id, m.participant_id FROM messages m"
    " LEFT JOIN questions q ON q.message_id = m.id"
)


class MessageRepo:
    """Stored chat messages, idempotent on (event, source, source message id)."""

    def __init__(self, db: Db) -> None:
        self._db = db

    async def known_source_ids(self, event_id: int, source: str, ids: Sequence[str]) -> set[str]:
        """Which of ``ids`` are already stored for this event and source."""
        found: set[str] = set()
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            rows = await self._db.all(
                "SELECT source_message_id FROM messages WHERE event_id=? AND source=?"
                f" AND source_message_id IN ({marks})",
                (event_id, source, *chunk),
            )
            found.update(r[0] for r in rows)
        return found

    async def add(
        self,
        *,
        event_id: int,
        source: str,
        source_message_id: str,
        participant_id: int,
        sent_at: datetime,
        text: str,
        match_key: str,
        is_private: bool,
        recipient: str | None,
        kind: MessageKind,
        reason: str,
        language: str,
        reply_to_message: int | None,
    ) -> int | None:
        """Store a message; None when (event, source, source id) was already stored."""
        return await self._db.insert(
            "INSERT INTO messages(event_id, source, source_message_id, participant_id,"
            " sent_at, text, match_key, is_private, recipient, kind, reason, language,"
            " reply_to_message) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT(event_id, source, source_message_id) DO NOTHING",
            (
                event_id,
                source,
                source_message_id,
                participant_id,
                ts(sent_at),
                text,
                match_key,
                int(is_private),
                recipient,
                kind.value,
                reason,
                language,
                reply_to_message,
            ),
        )

    async def recent_texts(
        self, event_id: int, person_keys: Sequence[str], limit: int = 20
    ) -> dict[str, list[str]]:
        """Each person's latest public chat texts, oldest first (for repeated-text floods).

        Read through the sender's own messages (index on participant and time), so the cost
        does not grow with the event.
        """
        found: dict[str, list[str]] = {}
        for key in person_keys:
            rows = await self._db.all(
                "SELECT m.text FROM participants p JOIN messages m ON m.participant_id=p.id"
                " WHERE p.event_id=? AND p.person_key=? AND m.is_private=0"
                " AND m.kind != 'reaction' ORDER BY m.sent_at DESC, m.id DESC LIMIT ?",
                (event_id, key, limit),
            )
            found[key] = [r[0] for r in reversed(rows)]
        return found

    async def public_chat(self, event_id: int) -> list[tuple[str, str, str]]:
        """(person key, display name, text) of every public chat message, in chat order."""
        rows = await self._db.all(
            "SELECT p.person_key, p.display_name, m.text FROM messages m"
            " JOIN participants p ON p.id=m.participant_id WHERE m.event_id=? AND m.is_private=0"
            " AND m.kind != 'reaction' ORDER BY m.sent_at, m.id",
            (event_id,),
        )
        return [(r[0], r[1], r[2]) for r in rows]

    async def by_source_id(
        self, event_id: int, source: str, source_message_id: str
    ) -> MessageRef | None:
        """A stored message (and its question) by the source's own id."""
        row = await self._db.one(
            f"{_REF} WHERE m.event_id=? AND m.source=? AND m.source_message_id=?",
            (event_id, source, source_message_id),
        )
        return MessageRef(row[0], row[1], row[2]) if row else None

    async def by_snippet(self, event_id: int, key: str, sent_by: datetime) -> MessageRef | None:
        """The latest public message sent by ``sent_by`` whose match key starts with ``key``.

        Zoom quotes a reaction's or reply's target by a snippet of its text. Only messages sent
        before the reaction can be its target, so the answer does not depend on what else is
        in the database at the time (two imports of one file at once agree with one import).
        A question is preferred to chatter. The last :data:`SNIPPET_WINDOW` is searched first
        (the index holds the time, so only that window's rows are read): a question found there
        is the latest matching question of all; the whole event is searched only when the
        window holds no matching question, which keeps a long import's lookups bounded.
        """
        if not key:
            return None

        def match(since: str) -> str:
            return (
                f"{_REF} WHERE m.event_id=? AND {self._db.prefix_match('m.match_key')}"
                f" AND m.sent_at <= ?{since} AND m.is_private=0 AND m.kind != 'reaction'"
                " AND m.deleted=0 ORDER BY (q.id IS NULL), m.sent_at DESC, m.id DESC LIMIT 1"
            )

        params = (event_id, key, key + "\U0010ffff", ts(sent_by))
        row = await self._db.one(
            match(" AND m.sent_at >= ?"), (*params, ts(sent_by - SNIPPET_WINDOW))
        )
        if row is None or row[1] is None:  # no question in the window: is there an older one?
            row = await self._db.one(match(""), params)
        return MessageRef(row[0], row[1], row[2]) if row else None

    async def text_of(self, message_id: int) -> tuple[str, str, int] | None:
        """(text, kind, participant id) of a stored message."""
        row = await self._db.one(
            "SELECT text, kind, participant_id FROM messages WHERE id=?", (message_id,)
        )
        return (row[0], row[1], row[2]) if row else None

    async def sent_at(self, message_id: int) -> datetime:
        """When a stored message was sent."""
        row = await self._db.one("SELECT sent_at FROM messages WHERE id=?", (message_id,))
        if row is None:
            raise BarazaError(f"no message with id {message_id}")
        return dt(row[0])

    async def set_kind(self, message_id: int, kind: MessageKind, reason: str) -> None:
        """Re-label a stored message (a moderator added it to the queue)."""
        await self._db.write(
            "UPDATE messages SET kind=?, reason=? WHERE id=?", (kind.value, reason, message_id)
        )

    async def set_text(self, message_id: int, text: str, match_key: str) -> None:
        """A participant edited their message."""
        await self._db.write(
            "UPDATE messages SET text=?, match_key=? WHERE id=?", (text, match_key, message_id)
        )

    async def mark_deleted(self, message_id: int) -> None:
        """A participant deleted their message: kept for the record as deleted, text blanked."""
        await self._db.write(
            "UPDATE messages SET deleted=1, text='(deleted)', match_key='' WHERE id=?",
            (message_id,),
        )

    async def excluded_counts(self, event_id: int) -> dict[str, int]:
        """How many messages the export leaves out: ``private`` and ``deleted``."""
        row = await self._db.one(
            "SELECT COALESCE(SUM(CASE WHEN is_private=1 OR kind='private' THEN 1 ELSE 0 END), 0),"
            " COALESCE(SUM(CASE WHEN deleted=1 AND is_private=0 AND kind!='private'"
            " THEN 1 ELSE 0 END), 0)"
            " FROM messages WHERE event_id=?",
            (event_id,),
        )
        return {"private": int(row[0]), "deleted": int(row[1])}

    async def counts(self, event_id: int) -> dict[str, int]:
        """How many messages of each kind an event has (private ones included)."""
        rows = await self._db.all(
            "SELECT kind, COUNT(*) FROM messages WHERE event_id=? GROUP BY kind", (event_id,)
        )
        return {r[0]: r[1] for r in rows}

    async def has_source(self, event_id: int, source: str) -> bool:
        """Whether an event holds any message from ``source``."""
        row = await self._db.one(
            "SELECT 1 FROM messages WHERE event_id=? AND source=? LIMIT 1", (event_id, source)
        )
        return row is not None

    async def total(self, event_id: int) -> int:
        """How many messages an event has."""
        row = await self._db.one("SELECT COUNT(*) FROM messages WHERE event_id=?", (event_id,))
        return int(row[0])

    # -- high-water marks ------------------------------------------------------------------

    async def mark(self, event_id: int, source: str, channel: str) -> int | None:
        """The newest source id up to which ``channel`` was read without a gap, if any."""
        row = await self._db.one(
            "SELECT last_id FROM intake_marks WHERE event_id=? AND source=? AND channel=?",
            (event_id, source, channel),
        )
        return int(row[0]) if row else None

    async def advance_mark(self, event_id: int, source: str, channel: str, last_id: int) -> None:
        """Move a channel's mark forward to ``last_id`` (never back)."""
        await self._db.write(
            "INSERT INTO intake_marks(event_id, source, channel, last_id) VALUES (?,?,?,?)"
            " ON CONFLICT(event_id, source, channel)"
            " DO UPDATE SET last_id=CASE WHEN excluded.last_id > intake_marks.last_id"
            " THEN excluded.last_id ELSE intake_marks.last_id END",
            (event_id, source, channel, last_id),
        )
