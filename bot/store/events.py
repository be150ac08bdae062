"""Events and their settings (balance, pause, classifier names, board message ids)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from bot.core.model import Event
from bot.errors import BarazaError
from bot.store.base import Db, dt, now_text

_EVENT_COLS = "id, name, created_at, source"

#: Tables holding an event's rows, children first (deleting an event deletes them in this order).
_EVENT_TABLES = (
    "intake_marks",
    "board_views",
    "forgotten",
    "questions",
    "messages",
    "registrants",
    "participants",
    "settings",
)


def _event(row: Sequence[Any]) -> Event:
    return Event(id=row[0], name=row[1], created_at=dt(row[2]), source=row[3])


class EventRepo:
    """Events and per-event settings."""

    def __init__(self, db: Db) -> None:
        self._db = db

    async def find(self, name: str) -> Event | None:
        """The event called ``name``, if any."""
        row = await self._db.one(f"SELECT {_EVENT_COLS} FROM events WHERE name=?", (name,))
        return _event(row) if row else None

    async def get_or_create(self, name: str, source: str, event_date: date) -> Event:
        """The event called ``name``, created on first use."""
        await self._db.insert(
            "INSERT INTO events(name, source, event_date, created_at) VALUES (?,?,?,?)"
            " ON CONFLICT(name) DO NOTHING",
            (name, source, event_date.isoformat(), now_text()),
        )
        found = await self.find(name)
        assert found is not None
        return found

    async def get(self, event_id: int | None = None) -> Event | None:
        """The event with ``event_id``, or the most recently created one."""
        if event_id is None:
            row = await self._db.one(f"SELECT {_EVENT_COLS} FROM events ORDER BY id DESC LIMIT 1")
        else:
            row = await self._db.one(f"SELECT {_EVENT_COLS} FROM events WHERE id=?", (event_id,))
        return _event(row) if row else None

    async def all(self) -> list[Event]:
        """All events, oldest first."""
        return [
            _event(r) for r in await self._db.all(f"SELECT {_EVENT_COLS} FROM events ORDER BY id")
        ]

    async def event_date(self, event_id: int) -> date:
        """The date an event's chat times are anchored to."""
        row = await self._db.one("SELECT event_date FROM events WHERE id=?", (event_id,))
        if row is None:
            raise BarazaError(f"no event with id {event_id}")
        return date.fromisoformat(row[0])

    async def delete(self, event_id: int) -> None:
        """Delete an event and everything in it (the demo resets its own event this way)."""
        for table in ("votes", "retags"):
            await self._db.write(
                f"DELETE FROM {table} WHERE question_id IN"
                " (SELECT id FROM questions WHERE event_id=?)",
                (event_id,),
            )
        for table in _EVENT_TABLES:
            await self._db.write(f"DELETE FROM {table} WHERE event_id=?", (event_id,))
        await self._db.write("DELETE FROM events WHERE id=?", (event_id,))

    async def setting(self, event_id: int, key: str) -> str | None:
        """A stored setting (event 0 = global)."""
        row = await self._db.one(
            "SELECT value FROM settings WHERE event_id=? AND key=?", (event_id, key)
        )
        return row[0] if row else None

    async def set_setting(self, event_id: int, key: str, value: str) -> None:
        """Store a setting (event 0 = global)."""
        await self._db.write(
            "INSERT INTO settings(event_id, key, value) VALUES (?,?,?)"
            " ON CONFLICT(event_id, key) DO UPDATE SET value=excluded.value",
            (event_id, key, value),
        )
