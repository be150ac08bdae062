"""The organiser's export: the themed transcript document for the ministry."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime

from bot.export.document import ExportData, ParticipantProfile, build_document
from bot.usecases.context import Context, require_event
from bot.usecases.intake import CLASSIFIERS_SETTING
from bot.usecases.people import name_keys
from bot.usecases.queue import Queue


class Exports:
    """Gathers an event's record from the store and builds the export document."""

    def __init__(self, ctx: Context, queue: Queue) -> None:
        self.ctx = ctx
        self.queue = queue

    async def document(
        self, event_id: int | None = None, *, include_names: bool | None = None
    ) -> dict[str, object]:
        """The themed transcript document for the ministry (see :mod:`bot.export.document`).

        Names appear only when the organiser switched them on, and then only of participants
        who consented (``/iam`` or the registration report; a name several registrants share
        only if all of them did); everyone else is a pseudonym.
        """
        read = self.ctx.store.read
        event = await require_event(read, event_id)
        config = self.ctx.config
        names = config.export.include_names if include_names is None else include_names
        rows = await read.transcript.rows(event.id)
        profiles: dict[int, ParticipantProfile] = {}
        for participant in await read.people.all(event.id):
            found = await read.people.registrant(event.id, name_keys(participant.display_name))
            profiles[participant.id] = ParticipantProfile(
                display_name=participant.display_name,
                organisation=participant.organisation or (found.organisation if found else None),
                registration_consent=bool(found and found.consent),
            )
        raw_models = await read.events.setting(event.id, CLASSIFIERS_SETTING)
        data = ExportData(
            event=event,
            event_date=await read.events.event_date(event.id),
            rows=rows,
            profiles=profiles,
            registrant_names=await read.people.registrant_names(event.id),
            retags=await read.questions.retags(event.id),
            board_views=await read.questions.board_views(event.id),
            ranking=await self.queue.ranking_settings(event.id),
            classifiers=json.loads(raw_models) if raw_models else [],
            excluded=await read.messages.excluded_counts(event.id),
            countries=self._country_names(r.country for r in rows),
            timezone=config.chat_timezone(),
            unsure_below=config.classifier.unsure_below,
        )
        return build_document(data, include_names=names, generated_at=datetime.now(UTC))

    def _country_names(self, codes: Iterable[str | None]) -> dict[str, str]:
        names = {}
        for code in set(codes):
            country = self.ctx.countries.lookup(code) if code else None
            if code and country is not None:
                names[code] = country.name
        return names
