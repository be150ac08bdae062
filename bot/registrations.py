"""The organiser's registration report, from a parsed file into the event (CLI and ``serve``)."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from bot.sources.zoom import Registrant
from bot.usecases import Service


async def import_registrants(
    service: Service, event_id: int, registrants: Sequence[Registrant]
) -> None:
    """Store the registration report; tell the organiser which names several people share and
    how many rows were skipped because those people asked to be forgotten (never who)."""
    result = await service.people.import_registrants(
        event_id,
        [(r.display_name, r.email, r.country, r.organisation, r.name_consent) for r in registrants],
    )
    if result.skipped_forgotten:
        print(
            f"{result.skipped_forgotten} registrant(s) skipped as forgotten: they asked to be "
            "forgotten in this event (baraza forget), so their rows are not stored.",
            file=sys.stderr,
        )
    if result.ambiguous:
        print(
            f"Note: {len(result.ambiguous)} name(s) in the registration report belong to more "
            "than one registrant; they are named in exports only if all of them consented, and "
            "get no country from the report unless all agree: " + ", ".join(result.ambiguous),
            file=sys.stderr,
        )
