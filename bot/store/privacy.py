"""Erasing a person who asked to be forgotten, everywhere the record holds them.

The store runs with ``PRAGMA secure_delete`` on, so what these statements overwrite or delete is
zeroed in the file; :meth:`bot.store.Store.compact` then checkpoints and truncates the WAL.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from bot.core.text import snippet_key
from bot.store.base import Db

REMOVED_NAME = "(removed at their request)"
REMOVED_TEXT = "(removed)"


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
