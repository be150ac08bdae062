"""Events: one webinar each, with its own record, queue and settings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.core.model import Event
from bot.errors import BarazaError
from bot.store import Repos
from bot.usecases.context import Context, require_event

#: The setting holding the id of the first message of the chat file an event was imported from.
CHAT_FINGERPRINT = "chat_fingerprint"
#: How many same-named events ("Topic", "Topic (2)", ...) are tried before giving up.
MAX_NAMESAKES = 100


@dataclass(frozen=True)
class OpenedChat:
    """The event a chat file goes into, and a line for the user when that needs saying."""

    event: Event
    created: bool
    note: str | None = None


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

    async def open_chat(
        self,
        name: str,
        source: str,
        fingerprint: str | None,
        event_date: date | None = None,
        *,
        named: bool = False,
    ) -> OpenedChat:
        """The event a chat file belongs to (see README, "Which event a chat goes into").

        ``fingerprint`` is the id of the chat's first message (content-derived: time, sender,
        recipient, text), ``None`` while the file holds no complete message yet. A ``named`` event
        (``--event``, ``[event] name``) is used whatever it holds. Otherwise the chat continues the
        first of ``name``, ``name (2)``, ... that holds this same chat (same fingerprint, same date
        when a date is known) or no chat at all, and a new event is made after the last of them.
        """
        name = name.strip()
        if not name:
            raise BarazaError("an event needs a name")
        wanted = event_date or self.ctx.now().date()
        async with self.ctx.store.unit() as uow:
            if named:
                event = await uow.events.get_or_create(name, source, wanted)
                note = await _claim(uow, event, source, fingerprint)
                return OpenedChat(event, created=False, note=note)
            for n in range(1, MAX_NAMESAKES + 1):
                candidate = name if n == 1 else f"{name} ({n})"
                found = await uow.events.find(candidate)
                if found is not None:
                    if await _same_chat(uow, found, source, fingerprint, event_date):
                        await _claim(uow, found, source, fingerprint)
                        return OpenedChat(found, created=False)
                    continue
                event = await uow.events.get_or_create(candidate, source, wanted)
                await _claim(uow, event, source, fingerprint)
                if n == 1:
                    return OpenedChat(event, created=True)
                note = (
                    f"'{name}' already holds a different chat: this one is event {event.id} "
                    f"'{candidate}' (use --event NAME to choose)"
                )
                return OpenedChat(event, created=True, note=note)
        raise BarazaError(f"too many different chats named '{name}': choose one with --event NAME")

    async def remember_chat(self, event_id: int, source: str, fingerprint: str) -> None:
        """Record the chat an event holds, once its first message is known (a followed file)."""
        async with self.ctx.store.unit() as uow:
            event = await uow.events.get(event_id)
            if event is not None:
                await _claim(uow, event, source, fingerprint)

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


async def _same_chat(
    uow: Repos, event: Event, source: str, fingerprint: str | None, event_date: date | None
) -> bool:
    """Whether a chat with ``fingerprint`` continues ``event`` (see :meth:`Events.open_chat`)."""
    if event_date is not None and await uow.events.event_date(event.id) != event_date:
        return False
    stored = await uow.events.setting(event.id, CHAT_FINGERPRINT)
    if stored is not None:
        return stored == fingerprint
    if not await uow.messages.has_source(event.id, source):
        return True  # an event with no chat yet (opened for a report, or by an empty live file)
    # An event imported before fingerprints were kept: the same chat if it holds its first message.
    return fingerprint is not None and bool(
        await uow.messages.known_source_ids(event.id, source, [fingerprint])
    )


async def _claim(uow: Repos, event: Event, source: str, fingerprint: str | None) -> str | None:
    """Record ``fingerprint`` on an event without one; a note when it already holds another."""
    if fingerprint is None:
        return None
    stored = await uow.events.setting(event.id, CHAT_FINGERPRINT)
    if stored is None:
        await uow.events.set_setting(event.id, CHAT_FINGERPRINT, fingerprint)
        return None
    if stored == fingerprint:
        return None
    return (
        f"event {event.id} '{event.name}' already holds a different chat; "
        "this one is added to it as asked"
    )
