"""The pure domain model: events, participants, chat messages, questions and votes.

Nothing here touches discord, SQL, torch or files. Every adapter (Zoom files, Discord, the
store, the boards, the export) speaks these types.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class Region(StrEnum):
    """Where a participant speaks from. Unknown is never counted as Southern."""

    SOUTH = "south"
    NORTH = "north"
    UNKNOWN = "unknown"


class Theme(StrEnum):
    """The three themes of the dialogue, plus ``other``."""

    POLICY = "policy"
    CIVIC = "civic"
    SYSTEM = "system"
    OTHER = "other"


THEMES: tuple[str, ...] = tuple(t.value for t in Theme)


class QuestionState(StrEnum):
    """Life cycle of a question on the moderator's queue.

    ``queued`` questions are ranked; ``held`` ones wait for a moderator's review (links, mass
    mentions, flood); ``merged`` ones live on inside the question they were merged into.
    """

    QUEUED = "queued"
    ANSWERED = "answered"
    DISMISSED = "dismissed"
    HELD = "held"
    MERGED = "merged"


#: Which moderator transitions are allowed, from -> allowed targets.
TRANSITIONS: dict[QuestionState, frozenset[QuestionState]] = {
    QuestionState.QUEUED: frozenset(
        {QuestionState.ANSWERED, QuestionState.DISMISSED, QuestionState.HELD, QuestionState.MERGED}
    ),
    QuestionState.HELD: frozenset(
        {
            QuestionState.QUEUED,
            QuestionState.DISMISSED,
            QuestionState.ANSWERED,
            QuestionState.MERGED,
        }
    ),
    QuestionState.ANSWERED: frozenset({QuestionState.QUEUED}),
    QuestionState.DISMISSED: frozenset({QuestionState.QUEUED}),
    QuestionState.MERGED: frozenset({QuestionState.QUEUED}),
}


class InvalidTransition(ValueError):
    """A moderator asked for a state change the life cycle does not allow."""


def check_transition(current: QuestionState, target: QuestionState) -> None:
    """Raise :class:`InvalidTransition` unless ``current -> target`` is allowed."""
    if target not in TRANSITIONS[current]:
        raise InvalidTransition(f"a question that is {current} cannot become {target}")


class MessageKind(StrEnum):
    """What question detection made of a chat message."""

    QUESTION = "question"  # for the panel: queued
    LOGISTICS = "logistics"  # "will the slides be shared?": separate list
    CHATTER = "chatter"  # greetings, thanks, tech talk, announcements: record only
    REACTION = "reaction"  # a reaction (vote) on another message
    PRIVATE = "private"  # a private/direct message: record only, never shown


@dataclass(frozen=True, slots=True)
class Reaction:
    """A reaction carried as its own chat message (Zoom) or as a gateway event (Discord)."""

    emoji: str
    target_snippet: str | None = None  # Zoom quotes a truncated snippet of the target
    target_source_id: str | None = None  # Discord knows the target message id
    removed: bool = False


@dataclass(frozen=True, slots=True)
class ChatMessage:
    """One chat message as a source saw it, normalised.

    ``source_message_id`` is unique within ``source`` and makes ingest idempotent.
    """

    source: str
    source_message_id: str
    sent_at: datetime
    author_name: str
    text: str
    is_private: bool = False
    recipient: str | None = None
    author_email: str | None = None
    author_key: str | None = None  # a stable per-source id of the author, when the source has one
    reply_to_snippet: str | None = None
    reply_to_source_id: str | None = None
    reaction: Reaction | None = None
    is_host: bool = False


@dataclass(slots=True)
class Participant:
    """A person in one event. ``name_key`` is the normalised display name used for matching."""

    id: int
    event_id: int
    display_name: str
    name_key: str
    country: str | None = None
    region: Region = Region.UNKNOWN
    region_source: str = "none"
    organisation: str | None = None


@dataclass(slots=True)
class Question:
    """A question on the moderator's queue (or the logistics list)."""

    id: int
    event_id: int
    message_id: int
    participant_id: int
    text: str
    asked_at: datetime
    language: str
    theme: str = Theme.OTHER.value
    theme_scores: dict[str, float] = field(default_factory=dict)
    state: QuestionState = QuestionState.QUEUED
    kind: MessageKind = MessageKind.QUESTION
    votes: int = 0
    pinned: bool = False
    merged_into: int | None = None
    reply_to: int | None = None
    hold_reason: str | None = None
    # joined from the participant for display and ranking
    author: str = ""
    region: Region = Region.UNKNOWN
    country: str | None = None
    # ids of questions merged into this one (near-duplicates), for display
    merged_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    """One webinar."""

    id: int
    name: str
    created_at: datetime
    source: str
