"""What every use case shares: the store, the classifier, configuration, the clock, listeners."""

from __future__ import annotations

import inspect
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from bot.classifier import DuplicateScorer
from bot.classify_runner import ClassifierRunner
from bot.config import Config
from bot.core.model import Event, Question
from bot.core.regions import CountryTable
from bot.errors import BarazaError
from bot.language import LanguageDetector
from bot.store import Repos, Store

log = logging.getLogger(__name__)

Listener = Callable[[int], Awaitable[None] | None]


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Context:
    """The dependencies the composition root hands to every use case."""

    store: Store
    runner: ClassifierRunner
    config: Config
    countries: CountryTable
    languages: LanguageDetector
    duplicates: DuplicateScorer | None = None
    clock: Callable[[], datetime] = _utc_now
    listeners: list[Listener] = field(default_factory=list)

    def now(self) -> datetime:
        """The current time (the demo runs a virtual webinar clock)."""
        return self.clock()

    async def changed(self, event_id: int) -> None:
        """Tell every listener (boards) that an event's queue changed, here and in every other
        process on the same database (PostgreSQL ``NOTIFY``; nothing to do on SQLite)."""
        await self.changed_here(event_id)
        try:
            await self.store.notify(event_id)
        except Exception:
            log.exception("could not announce a change of event %s to other processes", event_id)

    async def changed_here(self, event_id: int) -> None:
        """Tell this process's listeners; a failing one is logged and the others still run."""
        for listener in list(self.listeners):
            try:
                result = listener(event_id)
                if inspect.isawaitable(result):
                    await result
            except Exception:
                log.exception("a queue listener failed for event %s", event_id)


async def require_event(repos: Repos, event_id: int | None) -> Event:
    """An event by id, or the most recent one; a clear error when there is none."""
    found = await repos.events.get(event_id)
    if found is None:
        if event_id is None:
            raise BarazaError("no event yet: import a chat first (baraza import-zoom CHAT.txt)")
        raise BarazaError(f"no event with id {event_id}")
    return found


async def require_question(repos: Repos, question_id: int) -> Question:
    """A question by id; a clear error when it does not exist."""
    found = await repos.questions.get(question_id)
    if found is None:
        raise BarazaError(f"no question with id {question_id}")
    return found
