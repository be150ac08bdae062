"""Persistence: every SQL statement of Baraza, behind one write path (``store.unit()``).

Repositories by use case: :mod:`events`, :mod:`people` (participants and registrants),
:mod:`messages` (the chat record and intake marks), :mod:`questions` (queue, votes, retags,
board views), :mod:`transcript` (the export's read) and :mod:`privacy` (forget).
"""

from bot.store.base import OutsideUnitError, StoreError
from bot.store.records import MessageRef, RegistrantMatch, TranscriptRow
from bot.store.sqlite import Repos, Store, UnitOfWork, check_database_file, migrations

__all__ = [
    "MessageRef",
    "OutsideUnitError",
    "RegistrantMatch",
    "Repos",
    "Store",
    "StoreError",
    "TranscriptRow",
    "UnitOfWork",
    "check_database_file",
    "migrations",
]
