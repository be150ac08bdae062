"""Participants (people seen in the chat) and registrants (the registration report)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from bot.core.model import Participant, Region
from bot.store.base import Db
from bot.store.records import RegistrantMatch

_COLS = "id, event_id, display_name, person_key, country, region, region_source, organisation"


def _participant(row: Sequence[Any]) -> Participant:
    return Participant(
        id=row[0],
        event_id=row[1],
        display_name=row[2],
        name_key=row[3],
        country=row[4],
        region=Region(row[5]),
        region_source=row[6],
        organisation=row[7],
    )


def _shared(values: Sequence[str | None]) -> str | None:
    """The one value every row agrees on, else None (never one person's data for another)."""
    distinct = set(values)
    return values[0] if len(distinct) == 1 else None


class PeopleRepo:
    """Participants and registrants of events."""

    def __init__(self, db: Db) -> None:
        self._db = db

    # -- participants ----------------------------------------------------------------------

    async def find(self, event_id: int, person_key: str) -> Participant | None:
        """The participant with this key in the event, if any."""
        row = await self._db.one(
            f"SELECT {_COLS} FROM participants WHERE event_id=? AND person_key=?",
            (event_id, person_key),
        )
        return _participant(row) if row else None

    async def get(self, participant_id: int) -> Participant | None:
        """A participant by id."""
        row = await self._db.one(f"SELECT {_COLS} FROM participants WHERE id=?", (participant_id,))
        return _participant(row) if row else None

    async def all(self, event_id: int) -> list[Participant]:
        """All participants of an event."""
        rows = await self._db.all(
            f"SELECT {_COLS} FROM participants WHERE event_id=? ORDER BY id", (event_id,)
        )
        return [_participant(r) for r in rows]

    async def add(
        self,
        event_id: int,
        person_key: str,
        display_name: str,
        *,
        email: str | None,
        organisation: str | None,
        country: str | None,
        region: Region,
        region_source: str,
        is_host: bool,
    ) -> Participant:
        """Create a participant (or return the one another process just created)."""
        await self._db.insert(
            "INSERT INTO participants(event_id, person_key, display_name, email, organisation,"
            " country, region, region_source, is_host) VALUES (?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT(event_id, person_key) DO NOTHING",
            (
                event_id,
                person_key,
                display_name,
                email,
                organisation,
                country,
                region.value,
                region_source,
                int(is_host),
            ),
        )
        found = await self.find(event_id, person_key)
        assert found is not None
        return found

    async def email(self, participant_id: int) -> str | None:
        """A participant's email address as the chat source gave it (Zoom reports do)."""
        row = await self._db.one("SELECT email FROM participants WHERE id=?", (participant_id,))
        return row[0] if row else None

    async def set_region(
        self,
        participant_id: int,
        *,
        country: str | None,
        region: Region,
        region_source: str,
        organisation: str | None = None,
    ) -> None:
        """Set where a participant speaks from (and their organisation, when given)."""
        await self._db.write(
            "UPDATE participants SET country=?, region=?, region_source=?,"
            " organisation=COALESCE(?, organisation) WHERE id=?",
            (country, region.value, region_source, organisation, participant_id),
        )

    async def host_signals(self, event_id: int) -> dict[str, tuple[int, int, int]]:
        """Person key -> (opening, announcement, link) signals counted so far."""
        rows = await self._db.all(
            "SELECT person_key, host_opening, host_announce, host_links FROM participants"
            " WHERE event_id=? AND (host_opening + host_announce + host_links) > 0",
            (event_id,),
        )
        return {r[0]: (r[1], r[2], r[3]) for r in rows}

    async def add_host_signals(
        self, participant_id: int, opening: int, announce: int, links: int
    ) -> None:
        """Count one public message's host signals for its author."""
        await self._db.write(
            "UPDATE participants SET host_opening=host_opening+?, host_announce=host_announce+?,"
            " host_links=host_links+? WHERE id=?",
            (opening, announce, links, participant_id),
        )

    async def set_name_consent(self, participant_id: int, consent: bool) -> None:
        """Record whether a participant agrees to be named in exports (``/iam``)."""
        await self._db.write(
            "UPDATE participants SET name_consent=? WHERE id=?", (int(consent), participant_id)
        )

    # -- registrants -----------------------------------------------------------------------

    async def replace_registrants(
        self,
        event_id: int,
        rows: Iterable[tuple[str, str, str | None, str | None, str | None, bool]],
    ) -> int:
        """Replace the event's registration report with these rows.

        Rows are (name_key, display_name, email, country, organisation, consents). A report is
        whole: importing a corrected one replaces the earlier one, and importing it twice is
        the same as once. Several rows may share a name; none overwrites another.
        """
        await self._db.write("DELETE FROM registrants WHERE event_id=?", (event_id,))
        params = [
            (event_id, key, display, email, country, org, int(consent))
            for key, display, email, country, org, consent in rows
        ]
        await self._db.write_many(
            "INSERT INTO registrants(event_id, name_key, display_name, email, country,"
            " organisation, name_consent) VALUES (?,?,?,?,?,?,?)",
            params,
        )
        return len(params)

    async def registrant(self, event_id: int, name_keys: Sequence[str]) -> RegistrantMatch | None:
        """What the report says of the first of ``name_keys`` it knows (see RegistrantMatch)."""
        for key in name_keys:
            rows = await self._db.all(
                "SELECT email, country, organisation, name_consent FROM registrants"
                " WHERE event_id=? AND name_key=? ORDER BY id",
                (event_id, key),
            )
            if rows:
                return RegistrantMatch(
                    email=_shared([r[0] for r in rows]) if len(rows) == 1 else None,
                    country=_shared([r[1] for r in rows]),
                    organisation=_shared([r[2] for r in rows]),
                    consent=all(bool(r[3]) for r in rows),
                    count=len(rows),
                )
        return None

    async def registrant_emails(self, event_id: int, name_keys: Sequence[str]) -> set[str]:
        """The email addresses registered under any of these names."""
        found: set[str] = set()
        for key in name_keys:
            rows = await self._db.all(
                "SELECT email FROM registrants WHERE event_id=? AND name_key=? AND email IS NOT NULL",
                (event_id, key),
            )
            found.update(r[0] for r in rows if r[0])
        return found

    async def registrant_names(self, event_id: int) -> list[str]:
        """Display names of an event's registrants (to keep them out of exported text)."""
        rows = await self._db.all(
            "SELECT display_name FROM registrants WHERE event_id=? ORDER BY id", (event_id,)
        )
        return [r[0] for r in rows]

    async def ambiguous_registrants(self, event_id: int) -> list[str]:
        """Names that several registrants share (their consent needs all of them)."""
        rows = await self._db.all(
            "SELECT MIN(display_name) FROM registrants WHERE event_id=?"
            " GROUP BY name_key HAVING COUNT(*) > 1 ORDER BY 1",
            (event_id,),
        )
        return [r[0] for r in rows]
