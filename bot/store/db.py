"""The SQLite store: every SQL statement of the application lives in this package.

One aiosqlite connection in WAL mode, autocommit off the driver (``isolation_level=None``) and
explicit ``BEGIN IMMEDIATE ... COMMIT`` transactions through :meth:`Store.transaction`, serialised
by an asyncio lock. With WAL and ``synchronous=NORMAL`` a committed transaction survives the
process being killed at any point (only an OS crash/power loss could lose the last commits).
"""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
from collections.abc import AsyncIterator, Collection, Iterable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import aiosqlite

from bot.core.model import Event, MessageKind, Participant, Question, QuestionState, Region
from bot.errors import BarazaError

log = logging.getLogger(__name__)


class StoreError(BarazaError):
    """The database file cannot be used (not SQLite, newer schema, locked...)."""


def _now() -> str:
    return datetime.now(UTC).isoformat()


def _ts(value: datetime) -> str:
    return value.astimezone(UTC).isoformat()


def _dt(value: str) -> datetime:
    return datetime.fromisoformat(value)


def migrations() -> list[tuple[int, str, str]]:
    """The numbered migration scripts shipped with the package: (version, name, sql)."""
    folder = resources.files("bot.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:3].isdigit():
            found.append((int(name[:3]), name, entry.read_text(encoding="utf-8")))
    return sorted(found)


@dataclass(frozen=True, slots=True)
class MessageRef:
    """A stored message and, when it became a question, that question's id."""

    message_id: int
    question_id: int | None
    participant_id: int


@dataclass(frozen=True, slots=True)
class TranscriptRow:
    """One public chat message joined with its author and question, for the export."""

    message_id: int
    sent_at: datetime
    author: str
    participant_id: int
    country: str | None
    region: Region
    organisation: str | None
    text: str
    kind: str
    language: str
    question_id: int | None
    theme: str | None
    theme_scores: dict[str, float]
    state: str | None
    votes: int
    merged_into: int | None
    reply_to: int | None
    is_host: bool = False
    name_consent: bool = False
    hold_reason: str | None = None
    theme_source: str | None = None
    answered_at: datetime | None = None


class Store:
    """Typed access to the Baraza database. Create with :meth:`open`."""

    def __init__(self, conn: aiosqlite.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path
        self._lock = asyncio.Lock()
        self._in_tx = False

    # -- lifecycle -------------------------------------------------------------------------

    @classmethod
    async def open(cls, path: Path) -> Store:
        """Open (creating if needed) the database at ``path`` and bring its schema up to date."""
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the folder for the database {path}: {exc}") from exc
        try:
            conn = await aiosqlite.connect(path, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the database {path}: {exc}") from exc
        store = cls(conn, path)
        try:
            await conn.execute("PRAGMA journal_mode=WAL")
            await conn.execute("PRAGMA synchronous=NORMAL")
            await conn.execute("PRAGMA foreign_keys=ON")
            await conn.execute("PRAGMA busy_timeout=5000")
            await store._migrate()
        except sqlite3.DatabaseError as exc:
            await conn.close()
            raise StoreError(f"{path} is not a Baraza database (or is damaged): {exc}") from exc
        except BaseException:
            await conn.close()
            raise
        return store

    async def close(self) -> None:
        """Close the connection (checkpointing the WAL)."""
        await self._conn.close()

    async def schema_version(self) -> int:
        """The schema version recorded in ``PRAGMA user_version``."""
        async with self._conn.execute("PRAGMA user_version") as cur:
            row = await cur.fetchone()
        return int(row[0]) if row else 0

    async def _migrate(self) -> None:
        current = await self.schema_version()
        known = migrations()
        latest = known[-1][0] if known else 0
        if current > latest:
            raise StoreError(
                f"{self.path} has schema version {current}, newer than this Baraza ({latest}); "
                "upgrade Baraza"
            )
        for version, name, sql in known:
            if version <= current:
                continue
            log.info("applying migration %s", name)
            script = f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version = {version};\nCOMMIT;"
            try:
                await self._conn.executescript(script)
            except sqlite3.Error:
                if self._conn.in_transaction:
                    await self._conn.execute("ROLLBACK")
                raise

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[None]:
        """One write transaction; everything inside commits together or not at all."""
        async with self._lock:
            await self._conn.execute("BEGIN IMMEDIATE")
            self._in_tx = True
            try:
                yield
            except BaseException:
                await self._conn.execute("ROLLBACK")
                raise
            else:
                await self._conn.execute("COMMIT")
            finally:
                self._in_tx = False

    async def _write(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run one write statement; auto-wrapped in a transaction when none is open."""
        if self._in_tx:
            cur = await self._conn.execute(sql, params)
            return cur.lastrowid or 0
        async with self.transaction():
            cur = await self._conn.execute(sql, params)
            return cur.lastrowid or 0

    async def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        async with self._conn.execute(sql, params) as cur:
            return await cur.fetchone()

    async def _all(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        async with self._conn.execute(sql, params) as cur:
            return list(await cur.fetchall())

    # -- events ----------------------------------------------------------------------------

    async def get_or_create_event(self, name: str, source: str, event_date: date) -> Event:
        """The event called ``name``, created on first use."""
        row = await self._one(
            "SELECT id, name, created_at, source FROM events WHERE name=?", (name,)
        )
        if row is None:
            await self._write(
                "INSERT OR IGNORE INTO events(name, source, event_date, created_at) VALUES (?,?,?,?)",
                (name, source, event_date.isoformat(), _now()),
            )
            row = await self._one(
                "SELECT id, name, created_at, source FROM events WHERE name=?", (name,)
            )
        return Event(id=row[0], name=row[1], created_at=_dt(row[2]), source=row[3])

    async def event_date(self, event_id: int) -> date:
        """The date an event's chat times are anchored to."""
        row = await self._one("SELECT event_date FROM events WHERE id=?", (event_id,))
        if row is None:
            raise BarazaError(f"no event with id {event_id}")
        return date.fromisoformat(row[0])

    async def get_event(self, event_id: int | None = None) -> Event | None:
        """The event with ``event_id``, or the most recently created one."""
        if event_id is None:
            row = await self._one(
                "SELECT id, name, created_at, source FROM events ORDER BY id DESC LIMIT 1"
            )
        else:
            row = await self._one(
                "SELECT id, name, created_at, source FROM events WHERE id=?", (event_id,)
            )
        if row is None:
            return None
        return Event(id=row[0], name=row[1], created_at=_dt(row[2]), source=row[3])

    async def list_events(self) -> list[Event]:
        """All events, oldest first."""
        rows = await self._all("SELECT id, name, created_at, source FROM events ORDER BY id")
        return [Event(id=r[0], name=r[1], created_at=_dt(r[2]), source=r[3]) for r in rows]

    async def delete_event(self, event_id: int) -> None:
        """Delete an event and everything in it (the demo resets its own event this way)."""
        async with self.transaction():
            for table in ("votes", "retags"):
                await self._conn.execute(
                    f"DELETE FROM {table} WHERE question_id IN"
                    " (SELECT id FROM questions WHERE event_id=?)",
                    (event_id,),
                )
            for table in (
                "board_views",
                "questions",
                "messages",
                "registrants",
                "participants",
                "settings",
            ):
                await self._conn.execute(f"DELETE FROM {table} WHERE event_id=?", (event_id,))
            await self._conn.execute("DELETE FROM events WHERE id=?", (event_id,))

    async def find_event(self, name: str) -> Event | None:
        """The event called ``name``, if any."""
        row = await self._one(
            "SELECT id, name, created_at, source FROM events WHERE name=?", (name,)
        )
        if row is None:
            return None
        return Event(id=row[0], name=row[1], created_at=_dt(row[2]), source=row[3])

    # -- participants ----------------------------------------------------------------------

    _PARTICIPANT_COLS = (
        "id, event_id, display_name, person_key, country, region, region_source, organisation"
    )

    def _participant(self, row: Sequence[Any]) -> Participant:
        return Participant(
            id=row[0],
            event_id=row[1],
            display_name=row[2],
            name_key=row[3],
            country=row[4],
            region=Region(row[5]),
            region_source=row[6],
            organisation=row[7],
        )

    async def find_participant(self, event_id: int, person_key: str) -> Participant | None:
        """The participant with this key in the event, if any."""
        row = await self._one(
            f"SELECT {self._PARTICIPANT_COLS} FROM participants WHERE event_id=? AND person_key=?",
            (event_id, person_key),
        )
        return self._participant(row) if row else None

    async def get_participant(self, participant_id: int) -> Participant | None:
        """A participant by id."""
        row = await self._one(
            f"SELECT {self._PARTICIPANT_COLS} FROM participants WHERE id=?", (participant_id,)
        )
        return self._participant(row) if row else None

    async def insert_participant(
        self,
        event_id: int,
        person_key: str,
        display_name: str,
        *,
        email: str | None,
        organisation: str | None,
        country: str | None,
        region: Region,
        region_source: str,
        is_host: bool,
    ) -> Participant:
        """Create a participant and return it."""
        pid = await self._write(
            "INSERT INTO participants(event_id, person_key, display_name, email, organisation,"
            " country, region, region_source, is_host) VALUES (?,?,?,?,?,?,?,?,?)",
            (
                event_id,
                person_key,
                display_name,
                email,
                organisation,
                country,
                region.value,
                region_source,
                int(is_host),
            ),
        )
        return Participant(
            id=pid,
            event_id=event_id,
            display_name=display_name,
            name_key=person_key,
            country=country,
            region=region,
            region_source=region_source,
            organisation=organisation,
        )

    async def update_participant_region(
        self,
        participant_id: int,
        *,
        country: str | None,
        region: Region,
        region_source: str,
        organisation: str | None = None,
    ) -> None:
        """Set where a participant speaks from (a moderator override or a self-declaration)."""
        await self._write(
            "UPDATE participants SET country=?, region=?, region_source=?,"
            " organisation=COALESCE(?, organisation) WHERE id=?",
            (country, region.value, region_source, organisation, participant_id),
        )

    async def participants(self, event_id: int) -> list[Participant]:
        """All participants of an event."""
        rows = await self._all(
            f"SELECT {self._PARTICIPANT_COLS} FROM participants WHERE event_id=? ORDER BY id",
            (event_id,),
        )
        return [self._participant(r) for r in rows]

    async def forget_participant(self, participant_id: int) -> None:
        """Erase a person on request: name, email, organisation and message texts are blanked."""
        async with self.transaction():
            await self._conn.execute(
                "UPDATE participants SET display_name='(removed at their request)', email=NULL,"
                " organisation=NULL, person_key='forgotten:' || id WHERE id=?",
                (participant_id,),
            )
            await self._conn.execute(
                "UPDATE messages SET text='(removed)', match_key='' WHERE participant_id=?",
                (participant_id,),
            )
            await self._conn.execute(
                "UPDATE questions SET text='(removed)', embedding=NULL, state='dismissed'"
                " WHERE participant_id=?",
                (participant_id,),
            )

    # -- registrants -----------------------------------------------------------------------

    async def add_registrants(
        self,
        event_id: int,
        rows: Iterable[tuple[str, str, str | None, str | None, str | None]],
        consenting: Collection[str] = (),
    ) -> int:
        """Store registration rows (name_key, display_name, email, country, organisation).

        ``consenting`` holds the name keys of registrants who agreed to be named in exports.
        """
        count = 0
        async with self.transaction():
            for name_key, display, email, country, org in rows:
                await self._conn.execute(
                    "INSERT INTO registrants(event_id, name_key, display_name, email, country,"
                    " organisation, name_consent) VALUES (?,?,?,?,?,?,?)"
                    " ON CONFLICT(event_id, name_key) DO UPDATE SET email=excluded.email,"
                    " country=excluded.country, organisation=excluded.organisation,"
                    " name_consent=excluded.name_consent",
                    (event_id, name_key, display, email, country, org, int(name_key in consenting)),
                )
                count += 1
        return count

    async def registrant_profile(
        self, event_id: int, name_keys: Sequence[str]
    ) -> tuple[str | None, bool] | None:
        """(organisation, consents to be named) of the first registrant matching a key."""
        for key in name_keys:
            row = await self._one(
                "SELECT organisation, name_consent FROM registrants WHERE event_id=? AND name_key=?",
                (event_id, key),
            )
            if row:
                return row[0], bool(row[1])
        return None

    async def registrant_names(self, event_id: int) -> list[str]:
        """Display names of an event's registrants (to keep them out of exported text)."""
        rows = await self._all(
            "SELECT display_name FROM registrants WHERE event_id=? ORDER BY id", (event_id,)
        )
        return [r[0] for r in rows]

    async def set_name_consent(self, participant_id: int, consent: bool) -> None:
        """Record whether a participant agrees to be named in exports (``/iam``)."""
        await self._write(
            "UPDATE participants SET name_consent=? WHERE id=?", (int(consent), participant_id)
        )

    async def find_registrant(
        self, event_id: int, name_keys: Sequence[str]
    ) -> tuple[str | None, str | None, str | None] | None:
        """(email, country, organisation) of the first registrant matching one of the keys."""
        for key in name_keys:
            row = await self._one(
                "SELECT email, country, organisation FROM registrants"
                " WHERE event_id=? AND name_key=?",
                (event_id, key),
            )
            if row:
                return row[0], row[1], row[2]
        return None

    # -- messages --------------------------------------------------------------------------

    async def known_source_ids(self, event_id: int, source: str, ids: Sequence[str]) -> set[str]:
        """Which of ``ids`` are already stored for this event and source."""
        found: set[str] = set()
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            marks = ",".join("?" * len(chunk))
            rows = await self._all(
                "SELECT source_message_id FROM messages WHERE event_id=? AND source=?"
                f" AND source_message_id IN ({marks})",
                (event_id, source, *chunk),
            )
            found.update(r[0] for r in rows)
        return found

    async def insert_message(
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
        cur = await self._conn.execute(
            "INSERT OR IGNORE INTO messages(event_id, source, source_message_id, participant_id,"
            " sent_at, text, match_key, is_private, recipient, kind, reason, language,"
            " reply_to_message) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                event_id,
                source,
                source_message_id,
                participant_id,
                _ts(sent_at),
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
        return cur.lastrowid if cur.rowcount else None

    async def last_source_id(self, event_id: int, source: str) -> int | None:
        """The highest numeric source message id stored for an event (Discord: a snowflake)."""
        row = await self._one(
            "SELECT MAX(CAST(source_message_id AS INTEGER)) FROM messages"
            " WHERE event_id=? AND source=? AND source_message_id GLOB '[0-9]*'",
            (event_id, source),
        )
        return int(row[0]) if row and row[0] is not None else None

    async def message_by_source_id(
        self, event_id: int, source: str, source_message_id: str
    ) -> MessageRef | None:
        """A stored message (and its question) by the source's own id."""
        row = await self._one(
            "SELECT m.id, q.id, m.participant_id FROM messages m"
            " LEFT JOIN questions q ON q.message_id = m.id"
            " WHERE m.event_id=? AND m.source=? AND m.source_message_id=?",
            (event_id, source, source_message_id),
        )
        return MessageRef(row[0], row[1], row[2]) if row else None

    async def message_text(self, message_id: int) -> tuple[str, str, int] | None:
        """(text, kind, participant id) of a stored message."""
        row = await self._one(
            "SELECT text, kind, participant_id FROM messages WHERE id=?", (message_id,)
        )
        return (row[0], row[1], row[2]) if row else None

    async def set_message_kind(self, message_id: int, kind: MessageKind, reason: str) -> None:
        """Re-label a stored message (a moderator added it to the queue)."""
        await self._write(
            "UPDATE messages SET kind=?, reason=? WHERE id=?", (kind.value, reason, message_id)
        )

    async def message_time(self, message_id: int) -> datetime:
        """When a stored message was sent."""
        row = await self._one("SELECT sent_at FROM messages WHERE id=?", (message_id,))
        if row is None:
            raise BarazaError(f"no message with id {message_id}")
        return _dt(row[0])

    async def theme_set_by_moderator(self, question_id: int) -> bool:
        """Whether a moderator retagged this question (then the model must not overwrite it)."""
        row = await self._one("SELECT theme_source FROM questions WHERE id=?", (question_id,))
        return bool(row and row[0] == "moderator")

    async def message_by_snippet(self, event_id: int, key: str) -> MessageRef | None:
        """The latest public message whose match key starts with ``key`` (Zoom quote snippets)."""
        if not key:
            return None
        row = await self._one(
            "SELECT m.id, q.id, m.participant_id FROM messages m"
            " LEFT JOIN questions q ON q.message_id = m.id"
            " WHERE m.event_id=? AND m.match_key >= ? AND m.match_key < ?"
            " AND m.is_private=0 AND m.kind != 'reaction' AND m.deleted=0"
            " ORDER BY (q.id IS NULL), m.id DESC LIMIT 1",
            (event_id, key, key + "\U0010ffff"),
        )
        return MessageRef(row[0], row[1], row[2]) if row else None

    async def update_message_text(self, message_id: int, text: str, match_key: str) -> None:
        """A participant edited their message."""
        await self._write(
            "UPDATE messages SET text=?, match_key=? WHERE id=?", (text, match_key, message_id)
        )

    async def mark_message_deleted(self, message_id: int) -> None:
        """A participant deleted their message: kept for the record as deleted, text blanked."""
        await self._write(
            "UPDATE messages SET deleted=1, text='(deleted)', match_key='' WHERE id=?",
            (message_id,),
        )

    async def excluded_counts(self, event_id: int) -> dict[str, int]:
        """How many messages the export leaves out: ``private`` and ``deleted``."""
        row = await self._one(
            "SELECT COALESCE(SUM(is_private=1 OR kind='private'), 0),"
            " COALESCE(SUM(deleted=1 AND is_private=0 AND kind!='private'), 0)"
            " FROM messages WHERE event_id=?",
            (event_id,),
        )
        return {"private": int(row[0]), "deleted": int(row[1])}

    async def message_counts(self, event_id: int) -> dict[str, int]:
        """How many messages of each kind an event has (private ones included)."""
        rows = await self._all(
            "SELECT kind, COUNT(*) FROM messages WHERE event_id=? GROUP BY kind", (event_id,)
        )
        return {r[0]: r[1] for r in rows}

    # -- questions -------------------------------------------------------------------------

    async def insert_question(
        self,
        *,
        event_id: int,
        message_id: int,
        participant_id: int,
        text: str,
        asked_at: datetime,
        language: str,
        kind: MessageKind,
        theme: str,
        theme_scores: dict[str, float],
        state: QuestionState,
        merged_into: int | None,
        reply_to: int | None,
        hold_reason: str | None,
        embedding: bytes | None,
    ) -> int:
        """Store a question for a stored message; returns its id."""
        return await self._write(
            "INSERT INTO questions(event_id, message_id, participant_id, text, asked_at, language,"
            " kind, theme, theme_scores, state, merged_into, reply_to, hold_reason, embedding,"
            " updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                event_id,
                message_id,
                participant_id,
                text,
                _ts(asked_at),
                language,
                kind.value,
                theme,
                json.dumps(theme_scores, sort_keys=True),
                state.value,
                merged_into,
                reply_to,
                hold_reason,
                embedding,
                _now(),
            ),
        )

    async def question_embeddings(self, event_id: int) -> list[tuple[int, bytes, str]]:
        """(id, embedding, theme) of the event's open root questions (queued or held)."""
        return [
            (r[0], r[1], r[2])
            for r in await self._all(
                "SELECT id, embedding, theme FROM questions WHERE event_id=? AND kind='question'"
                " AND state IN ('queued','held') AND embedding IS NOT NULL ORDER BY id",
                (event_id,),
            )
        ]

    async def find_same_text(self, event_id: int, match_key: str) -> int | None:
        """An open root question with exactly the same normalised text."""
        row = await self._one(
            "SELECT q.id FROM questions q JOIN messages m ON m.id=q.message_id"
            " WHERE q.event_id=? AND q.kind='question' AND q.state IN ('queued','held')"
            " AND m.match_key=? ORDER BY q.id LIMIT 1",
            (event_id, match_key),
        )
        return int(row[0]) if row else None

    _QUESTION_SELECT = (
        "SELECT q.id, q.event_id, q.message_id, q.participant_id, q.text, q.asked_at, q.language,"
        " q.theme, q.theme_scores, q.state, q.kind, q.pinned, q.merged_into, q.reply_to,"
        " q.hold_reason, p.display_name, p.region, p.country,"
        " (SELECT COUNT(*) FROM votes v WHERE v.question_id=q.id AND v.participant_id != q.participant_id)"
        " FROM questions q JOIN participants p ON p.id=q.participant_id"
    )

    def _question(self, row: Sequence[Any]) -> Question:
        return Question(
            id=row[0],
            event_id=row[1],
            message_id=row[2],
            participant_id=row[3],
            text=row[4],
            asked_at=_dt(row[5]),
            language=row[6],
            theme=row[7],
            theme_scores=json.loads(row[8]),
            state=QuestionState(row[9]),
            kind=MessageKind(row[10]),
            pinned=bool(row[11]),
            merged_into=row[12],
            reply_to=row[13],
            hold_reason=row[14],
            author=row[15],
            region=Region(row[16]),
            country=row[17],
            votes=row[18],
        )

    async def get_question(self, question_id: int) -> Question | None:
        """One question by id (votes counted on this question alone)."""
        row = await self._one(f"{self._QUESTION_SELECT} WHERE q.id=?", (question_id,))
        return self._question(row) if row else None

    async def questions(self, event_id: int, kind: MessageKind | None = None) -> list[Question]:
        """All questions of an event (every state), oldest first."""
        if kind is None:
            rows = await self._all(
                f"{self._QUESTION_SELECT} WHERE q.event_id=? ORDER BY q.id", (event_id,)
            )
        else:
            rows = await self._all(
                f"{self._QUESTION_SELECT} WHERE q.event_id=? AND q.kind=? ORDER BY q.id",
                (event_id, kind.value),
            )
        return [self._question(r) for r in rows]

    async def pooled_voters(self, event_id: int) -> dict[int, set[int]]:
        """For each root question: the distinct people who support it.

        That is everyone who voted on it or on a question merged into it, plus the askers of the
        merged questions; the root's own asker is not counted.
        """
        rows = await self._all(
            "SELECT COALESCE(q.merged_into, q.id), v.participant_id FROM votes v"
            " JOIN questions q ON q.id=v.question_id WHERE q.event_id=?"
            " UNION SELECT q.merged_into, q.participant_id FROM questions q"
            " WHERE q.event_id=? AND q.merged_into IS NOT NULL",
            (event_id, event_id),
        )
        askers = {
            r[0]: r[1]
            for r in await self._all(
                "SELECT id, participant_id FROM questions WHERE event_id=?", (event_id,)
            )
        }
        pooled: dict[int, set[int]] = {}
        for root, person in rows:
            if askers.get(root) != person:
                pooled.setdefault(root, set()).add(person)
        return pooled

    async def set_state(
        self, question_id: int, state: QuestionState, *, merged_into: int | None = None
    ) -> None:
        """Change a question's state (the service checks the transition first)."""
        now = _now()
        await self._write(
            "UPDATE questions SET state=?, merged_into=?, updated_at=?,"
            " answered_at=CASE WHEN ?='answered' THEN ? ELSE answered_at END WHERE id=?",
            (state.value, merged_into, now, state.value, now, question_id),
        )

    async def set_pinned(self, question_id: int, pinned: bool) -> None:
        """Pin or unpin a question."""
        await self._write(
            "UPDATE questions SET pinned=?, updated_at=? WHERE id=?",
            (int(pinned), _now(), question_id),
        )

    async def set_theme(
        self, question_id: int, theme: str, scores: dict[str, float] | None, source: str
    ) -> None:
        """Retag a question (by a moderator: ``source='moderator'``)."""
        if scores is None:
            await self._write(
                "UPDATE questions SET theme=?, theme_source=?, updated_at=? WHERE id=?",
                (theme, source, _now(), question_id),
            )
        else:
            await self._write(
                "UPDATE questions SET theme=?, theme_scores=?, theme_source=?, updated_at=?"
                " WHERE id=?",
                (theme, json.dumps(scores, sort_keys=True), source, _now(), question_id),
            )

    async def update_question_text(self, question_id: int, text: str) -> None:
        """The asker edited the message behind a question."""
        await self._write(
            "UPDATE questions SET text=?, updated_at=? WHERE id=?", (text, _now(), question_id)
        )

    async def question_times(self, participant_id: int) -> list[datetime]:
        """When a participant asked their panel questions (for flood control)."""
        rows = await self._all(
            "SELECT asked_at FROM questions WHERE participant_id=? AND kind='question'",
            (participant_id,),
        )
        return [_dt(r[0]) for r in rows]

    async def children_of(self, question_id: int) -> list[int]:
        """Questions merged into ``question_id``."""
        rows = await self._all(
            "SELECT id FROM questions WHERE merged_into=? ORDER BY id", (question_id,)
        )
        return [r[0] for r in rows]

    async def record_retag(self, question_id: int, from_theme: str, to_theme: str) -> None:
        """Remember a moderator's retag (the export shows them)."""
        await self._write(
            "INSERT INTO retags(question_id, from_theme, to_theme, at) VALUES (?,?,?,?)",
            (question_id, from_theme, to_theme, _now()),
        )

    async def retags(self, event_id: int) -> dict[int, list[tuple[str, str, datetime]]]:
        """Each retagged question's retags (from, to, when), oldest first."""
        rows = await self._all(
            "SELECT r.question_id, r.from_theme, r.to_theme, r.at FROM retags r"
            " JOIN questions q ON q.id=r.question_id WHERE q.event_id=? ORDER BY r.id",
            (event_id,),
        )
        found: dict[int, list[tuple[str, str, datetime]]] = {}
        for qid, old, new, at in rows:
            found.setdefault(qid, []).append((old, new, _dt(at)))
        return found

    async def record_board_view(
        self, event_id: int, ranks: Sequence[tuple[int, int]], at: datetime
    ) -> None:
        """The moderator was shown these (question id, rank) pairs; keep each one's best rank."""
        if not ranks:
            return
        await self._conn.executemany(
            "INSERT INTO board_views(event_id, question_id, best_rank, first_seen)"
            " VALUES (?,?,?,?) ON CONFLICT(event_id, question_id)"
            " DO UPDATE SET best_rank=MIN(best_rank, excluded.best_rank)",
            [(event_id, qid, rank, _ts(at)) for qid, rank in ranks],
        )
        if not self._in_tx:
            await self._conn.commit()

    async def board_views(self, event_id: int) -> dict[int, int]:
        """Question id -> best rank it reached on a moderator's board."""
        rows = await self._all(
            "SELECT question_id, best_rank FROM board_views WHERE event_id=?", (event_id,)
        )
        return {r[0]: r[1] for r in rows}

    # -- votes -----------------------------------------------------------------------------

    async def add_vote(self, question_id: int, participant_id: int, at: datetime) -> bool:
        """Record one person's vote; False when they had already voted."""
        cur = await self._conn.execute(
            "INSERT OR IGNORE INTO votes(question_id, participant_id, created_at) VALUES (?,?,?)",
            (question_id, participant_id, _ts(at)),
        )
        if not self._in_tx:
            await self._conn.commit()
        return bool(cur.rowcount)

    async def remove_vote(self, question_id: int, participant_id: int) -> bool:
        """Take a vote back; False when there was none."""
        cur = await self._conn.execute(
            "DELETE FROM votes WHERE question_id=? AND participant_id=?",
            (question_id, participant_id),
        )
        if not self._in_tx:
            await self._conn.commit()
        return bool(cur.rowcount)

    # -- settings --------------------------------------------------------------------------

    async def get_setting(self, event_id: int, key: str) -> str | None:
        """A stored setting (event 0 = global)."""
        row = await self._one(
            "SELECT value FROM settings WHERE event_id=? AND key=?", (event_id, key)
        )
        return row[0] if row else None

    async def set_setting(self, event_id: int, key: str, value: str) -> None:
        """Store a setting (event 0 = global)."""
        await self._write(
            "INSERT INTO settings(event_id, key, value) VALUES (?,?,?)"
            " ON CONFLICT(event_id, key) DO UPDATE SET value=excluded.value",
            (event_id, key, value),
        )

    # -- export ----------------------------------------------------------------------------

    async def transcript(self, event_id: int) -> list[TranscriptRow]:
        """Every public, non-deleted message of an event in time order, with question data.

        Private messages are filtered here, in SQL, so no export path can ever see them.
        """
        voters = await self.pooled_voters(event_id)
        rows = await self._all(
            "SELECT m.id, m.sent_at, p.display_name, p.id, p.country, p.region, p.organisation,"
            " COALESCE(q.text, m.text), m.kind, m.language, q.id, q.theme, q.theme_scores,"
            " q.state, q.merged_into, q.reply_to, p.is_host, p.name_consent, q.hold_reason,"
            " q.theme_source, q.answered_at"
            " FROM messages m JOIN participants p ON p.id=m.participant_id"
            " LEFT JOIN questions q ON q.message_id=m.id"
            " WHERE m.event_id=? AND m.is_private=0 AND m.deleted=0 AND m.kind != 'private'"
            " ORDER BY m.sent_at, m.id",
            (event_id,),
        )
        return [
            TranscriptRow(
                message_id=r[0],
                sent_at=_dt(r[1]),
                author=r[2],
                participant_id=r[3],
                country=r[4],
                region=Region(r[5]),
                organisation=r[6],
                text=r[7],
                kind=r[8],
                language=r[9],
                question_id=r[10],
                theme=r[11],
                theme_scores=json.loads(r[12]) if r[12] else {},
                state=r[13],
                votes=len(voters.get(r[10], ())) if r[10] is not None else 0,
                merged_into=r[14],
                reply_to=r[15],
                is_host=bool(r[16]),
                name_consent=bool(r[17]),
                hold_reason=r[18],
                theme_source=r[19],
                answered_at=_dt(r[20]) if r[20] else None,
            )
            for r in rows
        ]
