"""Typed rows the store hands out, so callers never handle raw database rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.core.model import Region


@dataclass(frozen=True, slots=True)
class MessageRef:
    """A stored message and, when it became a question, that question's id."""

    message_id: int
    question_id: int | None
    participant_id: int


@dataclass(frozen=True, slots=True)
class RegistrantMatch:
    """What the registration report says of a name; ambiguous when several registrants share it.

    An ambiguous name never gives consent unless every registrant of that name consented, and
    never a country or organisation the registrants do not all share.
    """

    email: str | None
    country: str | None
    organisation: str | None
    consent: bool
    count: int = 1

    @property
    def ambiguous(self) -> bool:
        """Several registrants share this name."""
        return self.count > 1


@dataclass(frozen=True, slots=True)
class TranscriptRow:
    """One public chat message joined with its author and question, for the export."""

    message_id: int
    sent_at: datetime
    author: str
    participant_id: int
    country: str | None
    region: Region
    organisation: str | None
    text: str
    kind: str
    language: str
    question_id: int | None
    theme: str | None
    theme_scores: dict[str, float]
    state: str | None
    votes: int
    merged_into: int | None
    reply_to: int | None
    is_host: bool = False
    name_consent: bool = False
    hold_reason: str | None = None
    theme_source: str | None = None
    answered_at: datetime | None = None
