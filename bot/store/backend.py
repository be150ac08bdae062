"""What every store backend offers: typed reads, one write path, change notifications.

:func:`bot.store.open_store` picks the backend: a ``postgresql://`` URL opens PostgreSQL
(:mod:`bot.store.postgres`), anything else is an SQLite file (:mod:`bot.store.sqlite`, the
embedded default). Both run the same numbered migrations (PostgreSQL a faithful translation of
each) and the same repositories.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from importlib import resources
from pathlib import Path

from bot.store.base import Db
from bot.store.events import EventRepo
from bot.store.messages import MessageRepo
from bot.store.people import PeopleRepo
from bot.store.privacy import PrivacyRepo
from bot.store.questions import QuestionRepo
from bot.store.transcript import TranscriptRepo

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_postgres_url(where: str | Path) -> bool:
    """Whether a database location is a PostgreSQL URL (else it is an SQLite file path)."""
    return isinstance(where, str) and where.startswith(POSTGRES_SCHEMES)


def migrations(dialect: str = "sqlite") -> list[tuple[int, str, str]]:
    """The numbered migration scripts of a backend: (version, name, sql), oldest first."""
    folder = resources.files("bot.store") / "migrations"
    if dialect == "postgresql":
        folder = folder / "postgresql"
    found = []
    for entry in folder.iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:3].isdigit():
            found.append((int(name[:3]), name, entry.read_text(encoding="utf-8")))
    return sorted(found)


class Repos:
    """The repositories over one connection (the reader, or an open unit of work)."""

    def __init__(self, db: Db) -> None:
        self.db = db
        self.events = EventRepo(db)
        self.people = PeopleRepo(db)
        self.messages = MessageRepo(db)
        self.questions = QuestionRepo(db)
        self.transcript = TranscriptRepo(db)
        self.privacy = PrivacyRepo(db)


#: What a unit of work hands out: the same repositories, writable until the unit ends.
UnitOfWork = Repos


class Store:
    """A Baraza database: ``read`` for reads, ``unit()`` for every write."""

    read: Repos
    #: where the data lives (a file path, or a URL without its password)
    location: str

    def unit(self) -> AbstractAsyncContextManager[UnitOfWork]:
        """One unit of work: every write inside commits together or not at all."""
        raise NotImplementedError

    async def close(self) -> None:
        """Release the connections."""
        raise NotImplementedError

    async def compact(self) -> None:
        """Make erased data unrecoverable from the database files (after ``forget``)."""
        raise NotImplementedError

    async def schema_version(self) -> int:
        """The schema version of the database."""
        raise NotImplementedError

    async def notify(self, event_id: int) -> None:
        """Tell other processes on this database that an event changed (no-op on SQLite)."""

    async def listen(self, callback: Callable[[int], object]) -> None:
        """Call ``callback(event_id)`` when another process changes an event (no-op on SQLite)."""
