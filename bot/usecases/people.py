"""Participants and regions: who is speaking, and from where (the Southern-balance input)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from bot.core.hosts import HostSignals, Peers
from bot.core.model import ChatMessage, MessageKind, Participant, Region
from bot.core.regions import (
    Country,
    CountryTable,
    RegionRules,
    base_display_name,
    country_from_display_name,
    name_keys,
    region_of_country,
)
from bot.core.text import name_key
from bot.errors import BarazaError, ConfigError
from bot.store import Repos
from bot.store.privacy import FORGOTTEN_KEY, REMOVED_NAME, REMOVED_TEXT, is_forgotten_key
from bot.usecases.context import Context
from bot.usecases.forgotten import Forgotten

#: Strength of each way of knowing where someone speaks from; a weaker one never overrides.
REGION_SOURCE_RANK = {
    "none": 0,
    "name": 1,
    "self": 2,
    "registration": 3,
    "organiser": 4,
    "moderator": 5,
}

#: A registration-report row: (display name, email, country, organisation[, consents to be
#: named]). Consent is per row: two registrants of one name can answer differently.
RegistrantRow = (
    tuple[str, str | None, str | None, str | None]
    | tuple[str, str | None, str | None, str | None, bool]
)


@dataclass
class RegistrantImport:
    """What importing a registration report did."""

    count: int = 0
    #: names several registrants share: named in exports only if all of them consented
    ambiguous: list[str] = field(default_factory=list)
    updated_participants: int = 0
    #: rows of people who asked to be forgotten in this event: not stored (never named)
    skipped_forgotten: int = 0


class IngestCounts(Protocol):
    """The counts of an ingest that a forgotten person's message adds to."""

    new: int
    already_known: int
    private: int
    chatter: int


def person_key(message: ChatMessage) -> str:
    """The stable key of a message's author (a source id, else the folded display name)."""
    return message.author_key or name_key(message.author_name) or "anonymous"


class People:
    """Participants, registrants, self-declarations and regions."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.rules = self._region_rules()
        self.hosts = {name_key(h) for h in ctx.config.event.hosts}
        #: per event, who has chatted: "@Name ..." to a fellow participant is not for the panel
        self._peers: dict[int, Peers] = {}

    def _region_rules(self) -> RegionRules:
        config, countries = self.ctx.config, self.ctx.countries
        by_country: dict[str, Region] = {}
        for name, region in config.regions.countries.items():
            country = countries.lookup(name)
            if country is None:
                raise ConfigError(
                    _unknown_country(f"regions.countries.{_key(name)}", name, countries)
                )
            by_country[country.iso2] = Region(region)
        by_participant: dict[str, Region] = {}
        for person, value in config.regions.participants.items():
            if value in REGION_WORDS:
                by_participant[name_key(person)] = Region(value)
            elif countries.lookup(value) is None:
                where = f"regions.participants.{_key(person)} = {_key(value)}"
                raise ConfigError(_unknown_country(where, value, countries, REGION_WORDS))
        return RegionRules(by_country=by_country, by_participant=by_participant)

    async def peers(self, event_id: int, hosts: HostSignals) -> Peers:
        """The event's :class:`Peers`, read from the record once per process, then kept up to
        date by the intake (another process's messages are seen after a restart)."""
        peers = self._peers.get(event_id)
        if peers is None:
            peers = Peers(self.ctx.config.event.speakers)
            inferred = hosts.hosts()
            for key, name, text in await self.ctx.store.read.messages.public_chat(event_id):
                host = key in inferred or name_key(name) in self.hosts
                peers.add(name, text, host=host)
            self._peers[event_id] = peers
        return peers

    def is_host(self, message: ChatMessage) -> bool:
        """Whether the author is one of the event's hosts (said by the source or the config)."""
        return message.is_host or name_key(message.author_name) in self.hosts

    async def participant_for(self, uow: Repos, event_id: int, message: ChatMessage) -> Participant:
        """The author of ``message`` (created, with their region, on first sight).

        An author who asked to be forgotten in this event (see :mod:`bot.usecases.forgotten`)
        is not re-created: their messages go to one anonymous record per forget request, named
        ``(removed at their request)``, with no email, organisation or country (see
        :func:`is_forgotten`).
        """
        key = person_key(message)
        found = await uow.people.find(event_id, key)
        if found is not None:
            return found
        forgotten = await Forgotten.load(uow, event_id)
        request = forgotten.author(message.author_name, message.author_email, key)
        if request is not None:
            return await uow.people.add(
                event_id,
                f"{FORGOTTEN_KEY}request-{request}",
                REMOVED_NAME,
                email=None,
                organisation=None,
                country=None,
                region=Region.UNKNOWN,
                region_source="none",
                is_host=False,
            )
        country, source, organisation = await self.where_from(uow, event_id, message.author_name)
        region = region_of_country(country, self.rules)
        override = self.rules.by_participant.get(name_key(base_display_name(message.author_name)))
        if override is None:
            override = self.rules.by_participant.get(name_key(message.author_name))
        if override is not None:
            region, source = override, "organiser"
        return await uow.people.add(
            event_id,
            key,
            message.author_name,
            email=message.author_email,
            organisation=organisation,
            country=country.iso2 if country else None,
            region=region,
            region_source=source if (country or override) else "none",
            is_host=self.is_host(message),
        )

    async def record_forgotten(
        self,
        uow: Repos,
        event_id: int,
        message: ChatMessage,
        participant: Participant,
        counts: IngestCounts,
    ) -> None:
        """A new message of someone who asked to be forgotten in this event (its author is
        their :func:`is_forgotten` record): stored as ``forget`` leaves their earlier ones
        (text ``(removed)``, no recipient, never on a list, no vote), so the record keeps its
        place in the chat and a re-import skips it."""
        message_id = await uow.messages.add(
            event_id=event_id,
            source=message.source,
            source_message_id=message.source_message_id,
            participant_id=participant.id,
            sent_at=message.sent_at,
            text=REMOVED_TEXT,
            match_key="",
            is_private=message.is_private,
            recipient=None,
            kind=MessageKind.PRIVATE if message.is_private else MessageKind.CHATTER,
            reason="forgotten",
            language="und",
            reply_to_message=None,
        )
        if message_id is None:
            counts.already_known += 1
            return
        counts.new += 1
        if message.is_private:
            counts.private += 1
        else:
            counts.chatter += 1

    async def without_forgotten(
        self, event_id: int, messages: list[ChatMessage]
    ) -> list[ChatMessage]:
        """``messages`` with the full names and emails of people forgotten in the event
        rewritten (as ``forget`` rewrote the earlier ones); source ids stay, so re-imports of
        the file still match."""
        forgotten = await Forgotten.load(self.ctx.store.read, event_id)
        if not forgotten:
            return messages
        out = []
        for message in messages:
            text = forgotten.scrub(message.text)
            recipient = forgotten.scrub(message.recipient) if message.recipient else None
            if (text, recipient) != (message.text, message.recipient):
                message = dataclasses.replace(message, text=text, recipient=recipient)
            out.append(message)
        return out

    async def where_from(
        self, repos: Repos, event_id: int, display_name: str
    ) -> tuple[Country | None, str, str | None]:
        """(country, how we know, organisation) of a display name, strongest source first."""
        countries = self.ctx.countries
        keys = name_keys(display_name)
        for person, value in self.ctx.config.regions.participants.items():
            if name_key(person) in keys:
                country = countries.lookup(value)
                if country is not None:
                    return country, "organiser", None
        registrant = await repos.people.registrant(event_id, keys)
        if registrant is not None:
            country = countries.lookup(registrant.country) if registrant.country else None
            if country is None and registrant.organisation:
                country = countries.find_in(registrant.organisation)
            if country is not None:
                return country, "registration", registrant.organisation
        country = country_from_display_name(display_name, countries)
        if country is not None:
            return country, "name", None
        return None, "none", registrant.organisation if registrant else None

    async def import_registrants(
        self,
        event_id: int,
        registrants: Sequence[RegistrantRow],
    ) -> RegistrantImport:
        """Store a registration report (replacing an earlier one of this event).

        Rows of people who asked to be forgotten in this event (by name or email) are not
        stored; they are counted in ``skipped_forgotten``, never named.

        A name several registrants share consents to be named only if all of them did, and
        gives a country only if all agree (such names are reported in ``ambiguous``).
        Participants whose region came from the report or a weaker source follow the new one.
        """
        result = RegistrantImport()
        async with self.ctx.store.unit() as uow:
            forgotten = await Forgotten.load(uow, event_id)
            rows = []
            for row in registrants:
                if not (key := name_key(row[0])):
                    continue
                if forgotten.registrant(row[0], row[1]) is not None:
                    result.skipped_forgotten += 1
                    continue
                consent = bool(row[4]) if len(row) > 4 else False
                rows.append((key, row[0], row[1], row[2], row[3], consent))
            result.count = await uow.people.replace_registrants(event_id, rows)
            result.ambiguous = await uow.people.ambiguous_registrants(event_id)
            for participant in await uow.people.all(event_id):
                if is_forgotten(participant):
                    continue  # nothing of theirs is looked up again
                rank = REGION_SOURCE_RANK.get(participant.region_source, 0)
                if rank > REGION_SOURCE_RANK["registration"]:
                    continue
                country, source, organisation = await self.where_from(
                    uow, event_id, participant.display_name
                )
                code = country.iso2 if country else None
                if (code, source) == (participant.country, participant.region_source):
                    continue
                if rank == REGION_SOURCE_RANK["registration"] or source == "registration":
                    await uow.people.set_region(
                        participant.id,
                        country=code,
                        region=region_of_country(country, self.rules),
                        region_source=source,
                        organisation=organisation,
                    )
                    result.updated_participants += 1
        if result.updated_participants:
            await self.ctx.changed(event_id)
        return result

    async def declare_country(
        self,
        event_id: int,
        key: str,
        display_name: str,
        country_name: str,
        *,
        organisation: str | None = None,
        by_moderator: bool = False,
        name_consent: bool | None = None,
    ) -> Participant:
        """A participant says where they are from (``/iam``), or a moderator sets it.

        ``name_consent`` (participants only): whether they agree to be named in exports.
        """
        country = self.ctx.countries.lookup(country_name)
        if country is None:
            raise BarazaError(f"unknown country {country_name!r}")
        message = ChatMessage("", "", self.ctx.now(), display_name, "", author_key=key)
        source = "moderator" if by_moderator else "self"
        changed = False
        async with self.ctx.store.unit() as uow:
            participant = await self.participant_for(uow, event_id, message)
            if is_forgotten(participant):
                return participant  # they asked to be forgotten here: nothing is recorded
            if REGION_SOURCE_RANK[source] >= REGION_SOURCE_RANK.get(participant.region_source, 0):
                await uow.people.set_region(
                    participant.id,
                    country=country.iso2,
                    region=region_of_country(country, self.rules),
                    region_source=source,
                    organisation=organisation,
                )
                changed = True
            if name_consent is not None and not by_moderator:
                await uow.people.set_name_consent(participant.id, name_consent)
            updated = await uow.people.get(participant.id)
        if changed:
            await self.ctx.changed(event_id)
        assert updated is not None
        return updated


def is_forgotten(participant: Participant) -> bool:
    """Whether a participant is the erased record of someone who asked to be forgotten."""
    return is_forgotten_key(participant.name_key)


#: What ``[regions] participants`` accepts besides a country.
REGION_WORDS = ("south", "north", "unknown")


def _key(text: str) -> str:
    """A TOML key or value as the user wrote it in the config."""
    return text if re.fullmatch(r"[A-Za-z0-9_-]+", text) else '"' + text.replace('"', '\\"') + '"'


def _unknown_country(
    where: str, value: str, countries: CountryTable, extra: tuple[str, ...] = ()
) -> str:
    """One line naming the config key, the unknown country and the closest known name."""
    hint = countries.suggest(value, extra)
    also = " or south/north/unknown" if extra else ""
    if hint:
        return f'{where}: unknown country "{value}" (did you mean "{hint}"?)'
    return f'{where}: unknown country "{value}" (use a country name, alias or ISO code{also})'
