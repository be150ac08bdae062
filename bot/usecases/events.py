"""Events: one webinar each, with its own record, queue and settings."""

from __future__ import annotations

from datetime import date

from bot.core.model import Event
from bot.errors import BarazaError
from bot.usecases.context import Context, require_event


class Events:
    """Opening, finding and deleting events; per-event and global settings."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    async def open(self, name: str, source: str, event_date: date | None = None) -> Event:
        """The event called ``name`` (created on first use)."""
        name = name.strip()
        if not name:
            raise BarazaError("an event needs a name")
        async with self.ctx.store.unit() as uow:
            return await uow.events.get_or_create(name, source, event_date or self.ctx.now().date())

    async def get(self, event_id: int | None = None) -> Event:
        """An event by id, or the most recent one; a clear error when there is none."""
        return await require_event(self.ctx.store.read, event_id)

    async def find(self, name: str) -> Event | None:
        """The event called ``name``, if any."""
        return await self.ctx.store.read.events.find(name)

    async def all(self) -> list[Event]:
        """Every event, oldest first."""
        return await self.ctx.store.read.events.all()

    async def date_of(self, event_id: int) -> date:
        """The date an event's chat times are anchored to."""
        return await self.ctx.store.read.events.event_date(event_id)

    async def delete(self, event_id: int) -> None:
        """Delete an event and everything in it."""
        async with self.ctx.store.unit() as uow:
            await uow.events.delete(event_id)

    async def setting(self, event_id: int, key: str) -> str | None:
        """A stored setting (event 0: global, e.g. a Discord board message id)."""
        return await self.ctx.store.read.events.setting(event_id, key)

    async def set_setting(self, event_id: int, key: str, value: str) -> None:
        """Store a setting (event 0: global)."""
        async with self.ctx.store.unit() as uow:
            await uow.events.set_setting(event_id, key, value)
