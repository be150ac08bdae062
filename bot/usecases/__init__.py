"""Baraza's use cases: the one API that the CLI, the Discord cogs, the sources and the web call.

One module per use case, each owning its writes through the store's unit of work:

* :mod:`events` - open, find and delete events; settings;
* :mod:`people` - participants, registrants and regions (the Southern-balance input);
* :mod:`intake` - chat messages into the record and the queue (idempotent, restart-safe);
* :mod:`queue` - the ranked list with its why, held and logistics lists, what was seen;
* :mod:`moderation` - answer, next, dismiss, hold, pin, merge, split, retag, votes, pause;
* :mod:`export` - the themed transcript document for the ministry;
* :mod:`privacy` - forget a person, everywhere.

:class:`Service` builds them all over one :class:`Context` (the composition root's product).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from bot.classifier import DuplicateScorer
from bot.classify_runner import ClassifierRunner
from bot.config import Config
from bot.core.regions import CountryTable
from bot.language import LanguageDetector
from bot.store import Store
from bot.usecases.context import Context, Listener
from bot.usecases.events import Events
from bot.usecases.export import Exports
from bot.usecases.intake import IngestResult, Intake
from bot.usecases.moderation import Moderation
from bot.usecases.people import People, RegistrantImport
from bot.usecases.privacy import ForgetResult, Privacy
from bot.usecases.queue import SEEN_TOP, BoardEntry, Queue

__all__ = [
    "SEEN_TOP",
    "BoardEntry",
    "ForgetResult",
    "IngestResult",
    "RegistrantImport",
    "Service",
]


class Service:
    """Every use case over one store, classifier and configuration."""

    def __init__(
        self,
        store: Store,
        runner: ClassifierRunner,
        config: Config,
        countries: CountryTable,
        languages: LanguageDetector,
        clock: Callable[[], datetime] | None = None,
        duplicates: DuplicateScorer | None = None,
    ) -> None:
        self.ctx = Context(store, runner, config, countries, languages, duplicates)
        if clock is not None:
            self.ctx.clock = clock
        self.events = Events(self.ctx)
        self.people = People(self.ctx)
        self.intake = Intake(self.ctx, self.people)
        self.queue = Queue(self.ctx)
        self.moderation = Moderation(self.ctx, self.people, self.queue)
        self.exports = Exports(self.ctx, self.queue)
        self.privacy = Privacy(self.ctx)

    @property
    def store(self) -> Store:
        """The store (reads: ``store.read``; writes only inside a use case's unit of work)."""
        return self.ctx.store

    @property
    def runner(self) -> ClassifierRunner:
        """The classifier front (batched, off the event loop)."""
        return self.ctx.runner

    @property
    def config(self) -> Config:
        """The configuration this service was built with."""
        return self.ctx.config

    @property
    def duplicates(self) -> DuplicateScorer | None:
        """The near-duplicate scorer (None: only identical texts merge)."""
        return self.ctx.duplicates

    @property
    def languages(self) -> LanguageDetector:
        """The language identifier."""
        return self.ctx.languages

    @property
    def clock(self) -> Callable[[], datetime]:
        """The clock the ranking ages questions by."""
        return self.ctx.clock

    @clock.setter
    def clock(self, value: Callable[[], datetime]) -> None:
        self.ctx.clock = value

    def add_listener(self, listener: Listener) -> None:
        """Call ``listener(event_id)`` after every change to an event's queue."""
        self.ctx.listeners.append(listener)
