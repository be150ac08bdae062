"""Erasing a person who asked to be forgotten, everywhere the record holds them.

The store runs with ``PRAGMA secure_delete`` on, so what these statements overwrite or delete is
zeroed in the file; :meth:`bot.store.Store.compact` then checkpoints and truncates the WAL.

So that a forgotten person stays forgotten, ``forget`` also writes *suppression* rows (table
``forgotten``): keyed hashes of their name keys, email addresses and source keys, never the
values. The key is a random secret of the database (:data:`SECRET_SETTING`, event 0), so the
hashes mean nothing outside it and cannot be matched against another database's.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Callable, Collection, Iterable
from hashlib import sha256

from bot.core.text import snippet_key
from bot.store.base import Db

REMOVED_NAME = "(removed at their request)"
REMOVED_TEXT = "(removed)"
#: Where the suppression key lives (settings of event 0): 32 random bytes, hex.
SECRET_SETTING = "privacy.suppression_secret"
#: The person key prefix of an erased participant (and of the one that takes a forgotten
#: person's later messages).
FORGOTTEN_KEY = "forgotten:"


def forgotten_digest(secret: bytes, kind: str, value: str) -> str:
    """The keyed hash (HMAC-SHA256, hex) of one value of a kind ("name", "email", "key")."""
    return hmac.new(secret, f"{kind}\x1f{value}".encode(), sha256).hexdigest()


def is_forgotten_key(person_key: str) -> bool:
    """Whether a participant's person key is that of a forgotten person."""
    return person_key.startswith(FORGOTTEN_KEY)


class PrivacyRepo:
    """The writes of ``forget``."""

    def __init__(self, db: Db) -> None:
        self._db = db

    async def erase_participant(self, participant_id: int) -> None:
        """Blank a participant's identity, messages and questions; drop their votes.

        Questions merged into one of theirs go back on the queue on their own.
        """
        db = self._db
        await db.write(
            "UPDATE participants SET display_name=?, email=NULL, organisation=NULL,"
            " country=NULL, name_consent=0, person_key='forgotten:' || id WHERE id=?",
            (REMOVED_NAME, participant_id),
        )
        await db.write(
            "UPDATE messages SET text=?, match_key='', recipient=NULL WHERE participant_id=?",
            (REMOVED_TEXT, participant_id),
        )
        await db.write(
            "UPDATE questions SET state='queued', merged_into=NULL WHERE merged_into IN"
            " (SELECT id FROM questions WHERE participant_id=?)",
            (participant_id,),
        )
        await db.write(
            "UPDATE questions SET text=?, embedding=NULL, state='dismissed', merged_into=NULL"
            " WHERE participant_id=?",
            (REMOVED_TEXT, participant_id),
        )
        await db.write("DELETE FROM votes WHERE participant_id=?", (participant_id,))

    async def delete_registrants(self, event_id: int, name_keys: Collection[str]) -> int:
        """Delete the registration rows of these names; returns how many."""
        deleted = 0
        for key in name_keys:
            deleted += await self._db.write(
                "DELETE FROM registrants WHERE event_id=? AND name_key=?", (event_id, key)
            )
        return deleted

    async def rewrite_mentions(self, event_id: int, scrub: Callable[[str], str]) -> int:
        """Apply ``scrub`` to every message text, recipient and question text of the event.

        Returns how many rows changed (mentions of a forgotten name become ``[name]``).
        """
        changed = 0
        rows = await self._db.all(
            "SELECT id, text, recipient FROM messages WHERE event_id=?", (event_id,)
        )
        for message_id, text, recipient in rows:
            new_text = scrub(text)
            new_recipient = scrub(recipient) if recipient else recipient
            if new_text != text or new_recipient != recipient:
                await self._db.write(
                    "UPDATE messages SET text=?, recipient=?,"
                    " match_key=CASE WHEN is_private=1 THEN '' ELSE ? END WHERE id=?",
                    (new_text, new_recipient, snippet_key(new_text), message_id),
                )
                changed += 1
        for question_id, text in await self._db.all(
            "SELECT id, text FROM questions WHERE event_id=?", (event_id,)
        ):
            new_text = scrub(text)
            if new_text != text:
                await self._db.write(
                    "UPDATE questions SET text=? WHERE id=?", (new_text, question_id)
                )
                changed += 1
        return changed

    # -- suppression: a forgotten person is not re-created ------------------------------------

    async def secret(self, *, create: bool = False) -> bytes | None:
        """The database's suppression key (made on first use when ``create``, in this unit)."""
        row = await self._db.one(
            "SELECT value FROM settings WHERE event_id=0 AND key=?", (SECRET_SETTING,)
        )
        if row is not None:
            return bytes.fromhex(row[0])
        if not create:
            return None
        value = secrets.token_hex(32)
        await self._db.write(
            "INSERT INTO settings(event_id, key, value) VALUES (0,?,?)"
            " ON CONFLICT(event_id, key) DO NOTHING",
            (SECRET_SETTING, value),
        )
        return await self.secret()

    async def record_forgotten(self, event_id: int, digests: Iterable[tuple[str, str]]) -> int:
        """Record one forget's (kind, digest) pairs; returns the request number they share."""
        row = await self._db.one(
            "SELECT COALESCE(MAX(request), 0) + 1 FROM forgotten WHERE event_id=?", (event_id,)
        )
        request = int(row[0])
        await self._db.write_many(
            "INSERT INTO forgotten(event_id, kind, digest, request) VALUES (?,?,?,?)"
            " ON CONFLICT(event_id, kind, digest) DO NOTHING",
            [(event_id, kind, digest, request) for kind, digest in sorted(set(digests))],
        )
        return request

    async def forgotten(self, event_id: int) -> dict[tuple[str, str], int]:
        """The event's suppression rows: (kind, digest) -> request number."""
        rows = await self._db.all(
            "SELECT kind, digest, request FROM forgotten WHERE event_id=?", (event_id,)
        )
        return {(r[0], r[1]): int(r[2]) for r in rows}
