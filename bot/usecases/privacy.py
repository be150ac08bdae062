"""Forgetting a person who asks to be forgotten: from the record, the exports and the file.

``forget`` erases the person's participant record (name, email, organisation, country), their
messages and questions (blanked; questions merged into theirs go back on the queue), their votes
and their registration rows, rewrites mentions of their name in everyone else's messages to
``[name]`` (and their email to ``[email removed]``), then checkpoints and truncates the WAL. The
store runs with ``secure_delete``, so a byte search of the database files finds neither.

In the same unit of work it records keyed hashes of the person's names, emails and source keys
for the event (:mod:`bot.usecases.forgotten`), so a later registration report, Q&A report, chat
re-import or webhook message does not bring them back.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bot.core.model import Participant
from bot.core.privacy import EMAIL_MARK, NameFinder
from bot.core.regions import base_display_name
from bot.core.text import name_key
from bot.usecases.context import Context
from bot.usecases.forgotten import digests
from bot.usecases.people import name_keys


@dataclass
class ForgetResult:
    """What one ``forget`` erased."""

    participants: int = 0
    registrants: int = 0
    mentions: int = 0

    @property
    def erased(self) -> int:
        """People found (as participants, or only in the registration report)."""
        return self.participants or (1 if self.registrants else 0)


class Privacy:
    """The data-deletion use cases (CLI ``baraza forget``, Discord ``/forget``)."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    async def forget_person(self, event_id: int, person_key: str) -> bool:
        """Erase one person by their source key (Discord: ``discord:<user id>``)."""
        participant = await self.ctx.store.read.people.find(event_id, person_key)
        if participant is None:
            return False
        await self._erase(
            event_id,
            [participant],
            [participant.display_name],
            keys=[person_key],
            name_kind="registrant",
        )
        return True

    async def forget(self, event_id: int, display_name: str) -> ForgetResult:
        """Erase a person matched by name (ignoring case, accents and a country suffix)."""
        wanted = set(name_keys(display_name))
        found = [
            p
            for p in await self.ctx.store.read.people.all(event_id)
            if wanted & {p.name_key, *name_keys(p.display_name)}
        ]
        return await self._erase(
            event_id,
            found,
            [display_name, *(p.display_name for p in found)],
            keys=[p.name_key for p in found],
            name_kind="name",
        )

    async def _erase(
        self,
        event_id: int,
        people: list[Participant],
        names: list[str],
        *,
        keys: list[str],
        name_kind: str,
    ) -> ForgetResult:
        """Erase ``people`` and the registrations and mentions of ``names``; when anyone was
        found, remember them (as keyed hashes) so that no later import re-creates them.

        ``keys``: the participants' source person keys; ``name_kind``: ``"name"`` when the
        names themselves are forgotten (``forget NAME``), ``"registrant"`` when only their
        registration rows are (``/forget`` of one account).
        """
        emails = await self._emails(event_id, people, names)
        scrub = _scrubber(names, emails)
        registered = {k for n in names for k in name_keys(n)}
        result = ForgetResult()
        async with self.ctx.store.unit() as uow:
            for participant in people:
                await uow.privacy.erase_participant(participant.id)
                result.participants += 1
            result.registrants = await uow.privacy.delete_registrants(event_id, registered)
            result.mentions = await uow.privacy.rewrite_mentions(event_id, scrub)
            if result.participants or result.registrants:
                secret = await uow.privacy.secret(create=True)
                assert secret is not None
                await uow.privacy.record_forgotten(
                    event_id,
                    digests(secret, names=names, emails=emails, keys=keys, name_kind=name_kind),
                )
        if result.participants or result.registrants or result.mentions:
            await self.ctx.store.compact()
            await self.ctx.changed(event_id)
        return result

    async def _emails(
        self, event_id: int, people: list[Participant], names: Iterable[str]
    ) -> set[str]:
        """The person's email addresses, from the chat source and the registration report."""
        found: set[str] = set()
        for participant in people:
            email = await self.ctx.store.read.people.email(participant.id)
            if email:
                found.add(email)
        for name in names:
            found.update(
                await self.ctx.store.read.people.registrant_emails(event_id, name_keys(name))
            )
        return found


def _scrubber(names: list[str], emails: set[str]) -> Callable[[str], str]:
    finder = NameFinder({base_display_name(n) for n in names if name_key(n)})
    pattern = (
        re.compile("|".join(re.escape(e) for e in sorted(emails, key=len, reverse=True)), re.I)
        if emails
        else None
    )

    def scrub(text: str) -> str:
        if pattern is not None:
            text = pattern.sub(EMAIL_MARK, text)
        return finder(text)

    return scrub
