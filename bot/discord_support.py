"""Use-cases the Discord bot needs, built only on the public methods of Service and Store.

The cogs stay thin: they call these helpers (or the service) and render the result. Nothing here
imports discord; everything is plain data in and out, so it can be tested without a gateway.

Settings written here (``settings`` table; event 0 = global):

* ``discord.paused`` (per event): ``"1"`` while a moderator has paused the Q&A with ``/pause``;
* ``discord.board.<channel id>`` (global): the id of the board message in that channel, so a
  restarted bot edits the same message instead of posting a new one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.config import Config
from bot.core.detect import strip_prefix
from bot.core.model import ChatMessage, MessageKind, Question, QuestionState
from bot.errors import BarazaError
from bot.usecases import Service

PAUSED_KEY = "discord.paused"
BOARD_KEY = "discord.board.{channel_id}"


def event_name(config: Config, guild_id: int, today: date) -> str:
    """``[event] name``, or "Discord webinar <guild id> <YYYY-MM-DD>" (one event per server/day)."""
    return config.event.name.strip() or f"Discord webinar {guild_id} {today.isoformat()}"


# -- pause ----------------------------------------------------------------------------------


async def is_paused(service: Service, event_id: int) -> bool:
    """Whether a moderator paused the Q&A of this event (``/pause``)."""
    return await service.moderation.paused(event_id)


async def set_paused(service: Service, event_id: int, paused: bool) -> None:
    """Pause or resume the Q&A of this event (the intake keeps recording either way)."""
    await service.moderation.set_paused(event_id, paused)


# -- the board message ----------------------------------------------------------------------


async def board_message_id(service: Service, channel_id: int) -> int | None:
    """The remembered board message in ``channel_id`` (None when there is none)."""
    value = await service.store.read.events.setting(0, BOARD_KEY.format(channel_id=channel_id))
    return int(value) if value and value.isdigit() and int(value) > 0 else None


async def remember_board_message(service: Service, channel_id: int, message_id: int | None) -> None:
    """Remember (or, with None, forget) the board message of ``channel_id``."""
    key = BOARD_KEY.format(channel_id=channel_id)
    await service.events.set_setting(0, key, str(message_id or 0))


# -- questions ------------------------------------------------------------------------------


async def ranks(service: Service, event_id: int) -> dict[int, int]:
    """``{question id: rank}`` of the queued questions."""
    return {entry.question.id: entry.rank for entry in await service.queue.ranked(event_id)}


async def rank_of(service: Service, question: Question) -> int | None:
    """The rank of a question (a merged one: the rank of the question it lives on in)."""
    return (await ranks(service, question.event_id)).get(question.merged_into or question.id)


async def question_in_event(service: Service, event_id: int, question_id: int) -> Question:
    """A question of this event; a clear error for an id of another (or no) event."""
    question = await service.store.read.questions.get(question_id)
    if question is None or question.event_id != event_id:
        raise BarazaError(f"there is no question Q{question_id} in this webinar")
    return question


async def held_count(service: Service, event_id: int) -> int:
    """How many questions wait for a moderator's review."""
    return len(await service.queue.held(event_id))


@dataclass(frozen=True, slots=True)
class Asked:
    """What became of a question asked with ``/ask``.

    ``outcome`` is ``queued``, ``merged`` (same as an open question), ``held`` (waits for a
    moderator: link, mass mention, flood), ``logistics`` (slides, recording...) or ``too_short``.
    """

    outcome: str
    question: Question | None = None
    rank: int | None = None


def as_explicit_question(text: str) -> str:
    """The text with an explicit ``Q:`` prefix, so detection treats it as a question.

    ``/ask`` is an explicit request; the prefix keeps every other rule (logistics, holding for
    links or floods) with the service instead of bypassing them.
    """
    _, prefixed = strip_prefix(text)
    return text if prefixed else f"Q: {text}"


async def ask(service: Service, event_id: int, message: ChatMessage) -> Asked:
    """Ingest a ``/ask`` question and tell what became of it (rank included when queued)."""
    explicit = ChatMessage(
        source=message.source,
        source_message_id=message.source_message_id,
        sent_at=message.sent_at,
        author_name=message.author_name,
        text=as_explicit_question(message.text),
        author_key=message.author_key,
    )
    result = await service.intake.ingest(event_id, [explicit])
    if not result.question_ids:
        return Asked("too_short")
    question = await service.queue.question(result.question_ids[0])
    if question.kind is MessageKind.LOGISTICS:
        return Asked("logistics", question)
    if question.state is QuestionState.HELD:
        return Asked("held", question)
    outcome = "merged" if question.state is QuestionState.MERGED else "queued"
    return Asked(outcome, question, await rank_of(service, question))


async def add_to_queue(
    service: Service, event_id: int, message: ChatMessage
) -> tuple[Question, int | None]:
    """A moderator queues a chat message (recorded first if Baraza has not seen it)."""
    await service.intake.ingest(event_id, [message])
    question = await service.intake.force_question(
        event_id, message.source, message.source_message_id
    )
    return question, await rank_of(service, question)
