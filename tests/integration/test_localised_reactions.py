"""A localised reaction is a vote on the quoted question, never a message in the queue."""

from __future__ import annotations

from datetime import UTC, date

import pytest

from bot.core.model import MessageKind
from bot.sources.zoom import parse_chat_text
from bot.usecases import Service
from tests.unit.test_zoom_reactions import REACTIONS, REPLIES, SNIPPET

DAY = date(2026, 11, 20)
QUESTION = "How will the ministry fund local organisations directly in Peru?"
OTHER = "How will the embassy report on civic space in Kenya?"


def _chat(*bodies: tuple[str, str]) -> str:
    return "".join(
        f"10:0{i}:00 From  {who}  to  Everyone:\n\t{body.replace(chr(10), chr(10) + chr(9))}\n"
        for i, (who, body) in enumerate(bodies)
    )


@pytest.mark.parametrize("language", sorted(REACTIONS))
async def test_localised_reaction_votes_for_the_quoted_question(
    service: Service, language: str
) -> None:
    assert SNIPPET.removesuffix("...") in QUESTION
    event = await service.events.open(f"Reactions {language}", "zoom", DAY)
    chat = _chat(
        ("Ana Lima (Peru)", QUESTION),
        ("Grace Wanjiru (Kenya)", OTHER),
        ("Tom Jansen (Netherlands)", REACTIONS[language]),
    )
    result = await service.intake.ingest(event.id, parse_chat_text(chat, DAY, tz=UTC))
    assert result.votes_added == 1 and result.questions == 2
    board = {e.question.text: e.votes for e in await service.queue.ranked(event.id)}
    assert board == {QUESTION: 1, OTHER: 0}
    counts = await service.store.read.messages.counts(event.id)
    assert counts.get(MessageKind.REACTION.value) == 1


@pytest.mark.parametrize("language", sorted(REPLIES))
async def test_localised_reply_links_to_the_quoted_question(
    service: Service, language: str
) -> None:
    event = await service.events.open(f"Replies {language}", "zoom", DAY)
    follow_up = "And will the funding reach women-led groups in Cusco too?"
    chat = _chat(
        ("Ana Lima (Peru)", QUESTION),
        ("Grace Wanjiru (Kenya)", OTHER),
        ("Rosa Quispe (Bolivia)", f"{REPLIES[language]}\n{follow_up}"),
    )
    await service.intake.ingest(event.id, parse_chat_text(chat, DAY, tz=UTC))
    questions = {q.text: q for q in await service.store.read.questions.all(event.id)}
    assert set(questions) == {QUESTION, OTHER, follow_up}  # the quote line is not in the text
    assert questions[follow_up].reply_to == questions[QUESTION].id
