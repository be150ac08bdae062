"""Service calls a live source (Discord) makes: edits, deletions, reactions, manual additions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.core.model import ChatMessage, QuestionState
from bot.usecases import Service

T0 = datetime(2026, 11, 20, 11, 50, tzinfo=UTC)


def discord_msg(mid: int, user: int, name: str, text: str, minute: int = 0) -> ChatMessage:
    return ChatMessage(
        source="discord",
        source_message_id=str(mid),
        sent_at=T0 + timedelta(minutes=minute),
        author_name=name,
        text=text,
        author_key=f"discord:{user}",
    )


async def test_edit_vote_withdraw_and_force(service: Service) -> None:
    event = await service.events.open("Discord webinar", "discord")
    await service.intake.ingest(
        event.id,
        [
            discord_msg(
                1, 10, "Grace (Kenya)", "How will the ministry protect activists in Kenya?"
            ),
            discord_msg(
                2, 11, "Pieter", "I think direct funding for local organisations matters", 1
            ),
        ],
    )
    (entry,) = await service.queue.ranked(event.id)
    assert entry.question.author == "Grace (Kenya)"

    votes = await service.moderation.vote_on_message(
        event.id, "discord", "1", "discord:11", "Pieter", add=True
    )
    assert votes == 1
    assert (
        await service.moderation.vote_on_message(
            event.id, "discord", "1", "discord:11", "Pieter", add=True
        )
        == 1
    )
    assert (
        await service.moderation.vote_on_message(
            event.id, "discord", "1", "discord:10", "Grace (Kenya)", add=True
        )
        == 1
    )
    assert (
        await service.moderation.vote_on_message(
            event.id, "discord", "2", "discord:10", "Grace", add=True
        )
        is None
    )

    edited = await service.intake.edit_message(
        event.id, "discord", "1", "How will the ministry fund youth movements directly?"
    )
    assert edited is not None and edited.text.startswith("How will the ministry fund youth")
    assert (await service.queue.ranked(event.id))[0].question.text == edited.text

    forced = await service.intake.force_question(event.id, "discord", "2")
    assert forced.state is QuestionState.QUEUED
    assert len(await service.queue.ranked(event.id)) == 2

    mine = await service.queue.questions_of(event.id, "discord:10")
    assert [(q.id, rank is not None) for q, rank in mine] == [(edited.id, True)]

    withdrawn = await service.intake.withdraw_message(event.id, "discord", "1")
    assert withdrawn is not None and withdrawn.state is QuestionState.DISMISSED
    assert [e.question.id for e in await service.queue.ranked(event.id)] == [forced.id]
    doc = await service.exports.document(event.id)
    assert all("youth" not in str(m["text"]) for m in doc["chat"])  # deleted: not exported
    assert all("youth" not in str(q["text"]) for q in doc["questions"])


async def test_moderator_retag_survives_an_edit(service: Service) -> None:
    event = await service.events.open("Retag", "discord")
    await service.intake.ingest(
        event.id, [discord_msg(5, 1, "Ana", "What about the budget for reporting?")]
    )
    (entry,) = await service.queue.ranked(event.id)
    await service.moderation.retag(entry.question.id, "civic")
    await service.intake.edit_message(
        event.id, "discord", "5", "What about the budget for evaluations?"
    )
    assert (await service.queue.question(entry.question.id)).theme == "civic"
