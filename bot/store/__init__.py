"""Persistence: every SQL statement of Baraza, behind one write path (``store.unit()``).

Repositories by use case: :mod:`events`, :mod:`people` (participants and registrants),
:mod:`messages` (the chat record and intake marks), :mod:`questions` (queue, votes, retags,
board views), :mod:`transcript` (the export's read) and :mod:`privacy` (forget).
"""

from pathlib import Path

from bot.store.backend import Repos, Store, UnitOfWork, is_postgres_url, migrations
from bot.store.base import OutsideUnitError, StoreError
from bot.store.records import MessageRef, RegistrantMatch, TranscriptRow
from bot.store.sqlite import SqliteStore, check_database_file


async def open_store(where: str | Path) -> Store:
    """Open the database at ``where``: a ``postgresql://`` URL, else an SQLite file path.

    The schema is brought up to date; a database of a newer schema or of another program is
    refused with one :class:`StoreError` line.
    """
    if is_postgres_url(where):
        from bot.store.postgres import PgStore

        return await PgStore.open_url(str(where))
    return await SqliteStore.open_file(Path(where))


__all__ = [
    "MessageRef",
    "OutsideUnitError",
    "RegistrantMatch",
    "Repos",
    "SqliteStore",
    "Store",
    "StoreError",
    "TranscriptRow",
    "UnitOfWork",
    "check_database_file",
    "is_postgres_url",
    "migrations",
    "open_store",
]
