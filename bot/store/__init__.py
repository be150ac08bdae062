"""Persistence: the SQLite store and its migrations."""

from bot.store.db import MessageRef, Store, StoreError, TranscriptRow

__all__ = ["MessageRef", "Store", "StoreError", "TranscriptRow"]
