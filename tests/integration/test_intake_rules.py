"""Intake rules a live chat needs: spam held whatever it is, hosts recognised from the chat."""

from __future__ import annotations

import json
from datetime import UTC, date
from pathlib import Path

from bot.app import open_service
from bot.config import Config, replace
from bot.core.model import QuestionState
from bot.sources.zoom import parse_chat_text
from bot.usecases import Service
from tests.helpers import KeywordClassifier

DAY = date(2026, 11, 20)


async def test_spam_is_held_for_every_public_message_and_never_exported(service: Service) -> None:
    chat = "".join(
        f"10:0{i}:00 From  Spammer 9000  to  Everyone:\n\t@everyone BUY CHEAP FOLLOWERS http://spam.example/x\n"
        for i in range(3)
    ) + (
        "10:04:00 From  Tom Bakker  to  Everyone:\n\tvisit cheapfollowers.shop for likes\n"
        "10:05:00 From  Ana Lima (Colombia)  to  Everyone:\n\tQ: How will local partners get direct funding?\n"
    )
    event = await service.events.open("Spam", "zoom", DAY)
    result = await service.intake.ingest(event.id, parse_chat_text(chat, DAY, tz=UTC))
    assert result.held == 4 and result.questions == 1
    held = await service.queue.held(event.id)
    assert len(held) == 4 and all(q.state is QuestionState.HELD for q in held)
    assert [e.question.text for e in await service.queue.ranked(event.id)] == [
        "How will local partners get direct funding?"
    ]
    doc = await service.exports.document(event.id)
    text = json.dumps(doc, ensure_ascii=False)
    assert "FOLLOWERS" not in text and "cheapfollowers" not in text
    assert "direct funding" in text


def _rules_only(config: Config) -> Config:
    """These tests pin the rules; the learned layer on top turns down "@Amina how will...?"
    (Amina never chatted) and gives "Can everyone get core funding?" a probability right at its
    threshold, see README "The learned layer"."""
    return replace(config, detection=replace(config.detection, learned=False))


async def test_hosts_are_recognised_from_the_chat_itself(
    tmp_path: Path, config: Config, classifier: KeywordClassifier
) -> None:
    chat = (
        "10:00:00 From  Kate Moderator  to  Everyone:\n\tWelcome everyone to today's dialogue!\n"
        "10:01:00 From  Kate Moderator  to  Everyone:\n\tCan everyone see my screen?\n"
        "10:02:00 From  Kate Moderator  to  Everyone:\n\t@Aaron what's your take?\n"
        "10:03:00 From  Amani Mushi (Tanzania)  to  Everyone:\n\tCan everyone get core funding?\n"
    )
    async with open_service(_rules_only(config), tmp_path / "h.sqlite3", classifier) as service:
        event = await service.events.open("Hosts", "zoom", DAY)
        await service.intake.ingest(event.id, parse_chat_text(chat, DAY, tz=UTC))
        queued = [e.question.text for e in await service.queue.ranked(event.id)]
    assert queued == ["Can everyone get core funding?"]


async def test_host_inference_holds_across_batches_and_restarts(service: Service) -> None:
    messages = parse_chat_text(
        "10:00:00 From  Kate Moderator  to  Everyone:\n\tWelcome everyone to today's dialogue!\n"
        "10:01:00 From  Kate Moderator  to  Everyone:\n\tAny questions so far?\n",
        DAY,
        tz=UTC,
    )
    event = await service.events.open("Batches", "zoom", DAY)
    await service.intake.ingest(event.id, messages[:1])
    await service.intake.ingest(event.id, messages[1:])  # the welcome is only in the store now
    assert await service.queue.ranked(event.id) == []


PEER_CHAT = (
    "10:00:00 From  Joseph Mwangi (Kenya)  to  Everyone:\n\tMy notebook crashes on the big file\n"
    "10:01:00 From  Okafor Eze - panel  to  Everyone:\n\tI will come back to this in the Q&A\n"
    "10:02:00 From  Lina Haddad  to  Everyone:\n\t@Joseph which Python version are you using?\n"
    "10:03:00 From  Lina Haddad  to  Everyone:\n\tDoes anyone have the 2021 audit report?\n"
    "10:04:00 From  Lina Haddad  to  Everyone:\n\tOkafor, how do you measure local ownership?\n"
    "10:05:00 From  Lina Haddad  to  Everyone:\n\t@Amina how will the fund reach rural women?\n"
)


async def test_questions_to_fellow_participants_are_not_queued(
    tmp_path: Path, config: Config, classifier: KeywordClassifier
) -> None:
    messages = parse_chat_text(PEER_CHAT, DAY, tz=UTC)
    config = _rules_only(config)
    async with open_service(config, tmp_path / "baraza.sqlite3", classifier) as service:
        event = await service.events.open("Peers", "zoom", DAY)
        await service.intake.ingest(event.id, messages[:2])
    # a new process on the same record: who has chatted is read back from the store
    async with open_service(config, tmp_path / "baraza.sqlite3", classifier) as other:
        await other.intake.ingest(event.id, messages[2:])
        queued = {e.question.text for e in await other.queue.ranked(event.id)}
    # Joseph chatted as a participant; Okafor promised an answer (a speaker); Amina never chatted
    assert queued == {
        "Okafor, how do you measure local ownership?",
        "@Amina how will the fund reach rural women?",
    }


async def test_configured_speakers_are_never_peers(
    tmp_path: Path, config: Config, classifier: KeywordClassifier
) -> None:
    config = replace(config, event=replace(config.event, speakers=["Joseph Mwangi (Kenya)"]))
    async with open_service(config, tmp_path / "speakers.sqlite3", classifier) as service:
        event = await service.events.open("Speakers", "zoom", DAY)
        await service.intake.ingest(event.id, parse_chat_text(PEER_CHAT, DAY, tz=UTC))
        queued = {e.question.text for e in await service.queue.ranked(event.id)}
    assert "@Joseph which Python version are you using?" in queued


_OLD_Q = "How will the ministry fund local organisations directly in Peru?"
_OLD_SNIPPET = "How will the ministry fund lo..."


async def test_a_question_older_than_the_snippet_window_is_still_the_target(
    service: Service,
) -> None:
    """The recent window is searched first; without a question there, the whole event is."""
    event = await service.events.open("Old target", "zoom", DAY)
    chat = (
        f"09:00:00 From  Ana Lima (Peru)  to  Everyone:\n\t{_OLD_Q}\n"
        "11:00:00 From  Eva (Netherlands)  to  Everyone:\n\tHow will the ministry fund lo... sorry, wrong chat. Good morning!\n"
        f'11:30:00 From  Tom (Netherlands)  to  Everyone:\n\tReacted to "{_OLD_SNIPPET}" with 👍\n'
        f"12:00:00 From  Joe (Uganda)  to  Everyone:\n\t{_OLD_Q.replace('Peru', 'Uganda')}\n"
        f'12:10:00 From  Tom (Netherlands)  to  Everyone:\n\tReacted to "{_OLD_SNIPPET}" with 👍\n'
    )
    await service.intake.ingest(event.id, parse_chat_text(chat, DAY, tz=UTC))
    board = {e.question.text: e.votes for e in await service.queue.ranked(event.id)}
    assert len(board) == 2, board
    assert board[_OLD_Q] == 1  # found beyond the window: only chatter matched within it
    assert board[_OLD_Q.replace("Peru", "Uganda")] == 1  # the latest question wins
