"""The push channel: one render per change, handed to every open console and panel.

The service calls :meth:`Hub.poke` after every change; the hub's task renders the console and the
panel once (after a short debounce that folds a burst of changes into one render) and wakes every
Server-Sent-Events stream, which sends the newest version. A slow browser skips versions instead
of queueing them. The render counts as the moderators' view of the top 10 ("seen" in the export)
only while a moderator console is connected.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from bot.tasks import cancel_requested, stop_task

log = logging.getLogger(__name__)

Payloads = dict[str, str]
Renderer = Callable[[bool], Awaitable[Payloads]]


class Hub:
    """Latest rendered payloads of one event, and a wake-up for the streams waiting on them."""

    def __init__(self, event_id: int, render: Renderer, debounce: float = 0.05) -> None:
        self.event_id = event_id
        self.version = 0
        self.payloads: Payloads = {}
        self.moderators = 0  # open moderator streams
        self.streams = 0
        self._render = render
        self._debounce = debounce
        self._dirty = asyncio.Event()
        self._published = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def poke(self, event_id: int) -> None:
        """A service listener: the event's queue changed."""
        if event_id == self.event_id:
            self._dirty.set()

    async def start(self) -> None:
        """Render once now, then keep rendering on every change."""
        await self._publish()
        self._task = asyncio.create_task(self._loop())

    async def stop(self) -> None:
        """Stop rendering; wake every stream so it can end."""
        if self._task is not None:
            await stop_task(self._task)
        self._published.set()

    async def _loop(self) -> None:
        while not cancel_requested():
            await self._dirty.wait()
            await asyncio.sleep(self._debounce)
            self._dirty.clear()
            try:
                await self._publish()
            except Exception:
                log.exception("rendering the console for event %s failed", self.event_id)

    async def _publish(self) -> None:
        self.payloads = await self._render(self.moderators > 0)
        self.version += 1
        woken, self._published = self._published, asyncio.Event()
        woken.set()

    async def wait(self, seen_version: int, patience: float) -> bool:
        """Wait until a version newer than ``seen_version`` exists; False on timeout."""
        if self.version != seen_version:
            return True
        published = self._published
        try:
            await asyncio.wait_for(published.wait(), patience)
        except TimeoutError:
            return False
        return self.version != seen_version
