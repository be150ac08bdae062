"""Moderators drive the real bot through real interactions: commands, board buttons, refusals."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.core.model import QuestionState
from bot.export.transcript import render
from tests.e2e.fake_discord import EPHEMERAL, FakeDiscord
from tests.e2e.test_bot_intake import (
    BotRig,
    body_text,
    bot_errors,
    question_id_on_board,
    top_of_board,
)

__all__ = ["bot_errors"]  # the fixture is used by this module's rig


@pytest.fixture
def rig(fake_discord: FakeDiscord, tmp_path: Path, bot_errors: object) -> BotRig:
    return BotRig(fake_discord, tmp_path / "baraza.sqlite3")


async def test_queue_shows_the_ranked_list_to_the_moderator_only(rig: BotRig) -> None:
    fake = rig.fake
    async with rig.running():
        await rig.board_posted()
        await rig.say("lucia", "How does the ministry evaluate the partnership policy?")
        await rig.board_edit(lambda b: "partnership policy" in b)

        answer = await rig.answer(await fake.slash_command(fake.moderator_id, "queue"))

        assert answer["data"]["flags"] & EPHEMERAL
        text = body_text(answer["data"])
        assert re.search(r"#1 · Q\d+ · policy", text) and "partnership policy" in text


async def test_answer_takes_the_question_off_the_board(rig: BotRig) -> None:
    fake = rig.fake
    async with rig.running():
        await rig.board_posted()
        await rig.say("lucia", "Why are southern partners not in the steering committee?")
        edit = await rig.board_edit(lambda b: "steering committee" in b)
        qid = question_id_on_board(body_text(edit.json), "steering committee")
        mark = fake.mark()

        answered = await fake.slash_command(fake.moderator_id, "answer", {"id": qid})

        answer = await rig.answer(answered)
        assert answer["data"]["flags"] & EPHEMERAL
        assert answer["data"]["content"] == f"Q{qid} marked answered."
        await rig.board_edit(lambda b: "steering committee" not in b, since=mark)


async def test_board_button_acts_on_the_question_shown_first(rig: BotRig) -> None:
    fake = rig.fake
    async with rig.running() as bot:
        board_id = await rig.board_posted()
        await rig.say("lucia", "Who sets the agenda for the direct funding pilot?")
        await rig.board_edit(lambda b: "direct funding pilot" in b)
        await rig.say("tendai", "Can activists count on protection when they speak out?")
        edit = await rig.board_edit(lambda b: "speak out" in b and "direct funding pilot" in b)
        board = body_text(edit.json)
        first = top_of_board(board)
        other = ({"speak out", "direct funding pilot"} - {_text_of(board, first)}).pop()
        mark = fake.mark()

        clicked = await fake.button_click(fake.moderator_id, board_id, "baraza:answered")

        answer = await rig.answer(clicked)
        assert answer["data"]["flags"] & EPHEMERAL
        assert answer["data"]["content"] == f"Q{first} marked answered."
        question = await bot.ctx.service.queue.question(first)
        assert question.state is QuestionState.ANSWERED
        edit = await rig.board_edit(lambda b: f"Q{first} " not in b, since=mark)
        assert other in body_text(edit.json)


def _text_of(board: str, qid: int) -> str:
    for text in ("speak out", "direct funding pilot"):
        if question_id_on_board(board, text) == qid:
            return text
    raise AssertionError(qid)


async def test_non_moderators_are_refused_politely_and_nothing_changes(rig: BotRig) -> None:
    fake = rig.fake
    async with rig.running() as bot:
        board_id = await rig.board_posted()
        await rig.say("lucia", "What happens to the budget for civic space after 2026?")
        edit = await rig.board_edit(lambda b: "after 2026" in b)
        qid = question_id_on_board(body_text(edit.json), "after 2026")

        command = await fake.slash_command(fake.attendee_id, "answer", {"id": qid})
        button = await fake.button_click(fake.attendee_id, board_id, "baraza:dismiss")
        export = await fake.slash_command(fake.moderator_id, "export", {"format": "md"})

        for interaction in (command, button, export):
            answer = await rig.answer(interaction)
            assert answer["data"]["flags"] & EPHEMERAL
            assert answer["data"]["content"].startswith("Sorry, only people with the **")
        assert (await bot.ctx.service.queue.question(qid)).state is QuestionState.QUEUED
        assert "after 2026" in rig.board_now(board_id)


async def test_add_to_queue_puts_a_chat_remark_on_the_queue(rig: BotRig) -> None:
    fake = rig.fake
    async with rig.running():
        await rig.board_posted()
        remark = await rig.say("tendai", "I think the subsidy rules exclude small groups")
        mark = fake.mark()

        added = await fake.context_menu_message(fake.moderator_id, "Add to queue", remark)

        answer = await rig.answer(added)
        assert re.fullmatch(r"Q\d+ is on the queue at #1\.", answer["data"]["content"])
        await rig.reacted(remark, "📥", since=mark)
        await rig.board_edit(lambda b: "subsidy rules exclude small groups" in b, since=mark)


async def test_pause_shows_on_the_board_and_buttons_wait(rig: BotRig) -> None:
    fake = rig.fake
    async with rig.running() as bot:
        board_id = await rig.board_posted()
        await rig.say("lucia", "How will the report on risk sharing be published?")
        edit = await rig.board_edit(lambda b: "risk sharing" in b)
        qid = question_id_on_board(body_text(edit.json), "risk sharing")
        mark = fake.mark()

        paused = await rig.answer(await fake.slash_command(fake.moderator_id, "pause"))
        assert paused["data"]["content"].startswith("Q&A paused.")
        await rig.board_edit(lambda b: "PAUSED" in b, since=mark)
        clicked = await rig.answer(
            await fake.button_click(fake.moderator_id, board_id, "baraza:next")
        )
        assert "paused" in clicked["data"]["content"]
        assert (await bot.ctx.service.queue.question(qid)).state is QuestionState.QUEUED
        await rig.say("tendai", "Is the movement building budget going up next year?")
        await rig.board_edit(lambda b: "movement building" in b and "PAUSED" in b, since=mark)
        mark = fake.mark()

        resumed = await rig.answer(await fake.slash_command(fake.moderator_id, "pause"))

        assert resumed["data"]["content"] == "Q&A resumed."
        await rig.board_edit(lambda b: "PAUSED" not in b, since=mark)


async def test_merge_retag_and_balance(rig: BotRig) -> None:
    fake = rig.fake
    async with rig.running() as bot:
        await rig.board_posted()
        await rig.say("lucia", "Will funding go directly to local organisations?")
        await rig.say("tendai", "Is money going straight to grassroots groups?")
        edit = await rig.board_edit(lambda b: "directly to local" in b and "grassroots" in b)
        board = body_text(edit.json)
        first = question_id_on_board(board, "directly to local")
        second = question_id_on_board(board, "grassroots")
        mark = fake.mark()

        merged = await fake.slash_command(fake.moderator_id, "merge", {"id": second, "into": first})
        retagged = await fake.slash_command(
            fake.moderator_id, "retag", {"id": first, "theme": "civic"}
        )
        balanced = await fake.slash_command(
            fake.moderator_id, "balance", {"share": 0.6, "mode": "fair"}
        )

        assert (await rig.answer(merged))["data"]["content"].startswith(
            f"Q{second} merged into Q{first}"
        )
        assert (await rig.answer(retagged))["data"][
            "content"
        ] == f"Q{first} is now tagged Civic power."
        assert (
            "FA*IR balance, Southern share 60%" in (await rig.answer(balanced))["data"]["content"]
        )
        await rig.board_edit(
            lambda b: "FA*IR balance" in b and "civic power" in b and "+1 merged" in b, since=mark
        )
        assert (await bot.ctx.service.queue.question(second)).merged_into == first


async def test_unknown_question_id_gets_a_clear_answer(rig: BotRig) -> None:
    fake = rig.fake
    async with rig.running():
        await rig.board_posted()

        answer = await rig.answer(
            await fake.slash_command(fake.moderator_id, "dismiss", {"id": 999})
        )

        assert answer["data"]["flags"] & EPHEMERAL
        assert answer["data"]["content"] == "There is no question Q999 in this webinar."


async def test_organiser_exports_the_transcript_as_a_file(rig: BotRig) -> None:
    fake = rig.fake
    async with rig.running():
        await rig.board_posted()
        await rig.say("lucia", "How is the policy coherence agenda evaluated?")
        await rig.board_edit(lambda b: "policy coherence" in b)

        exported = await fake.slash_command(fake.organiser_id, "export", {"format": "csv"})

        answer = await rig.answer(exported)
        assert answer["data"]["flags"] & EPHEMERAL
        record = fake.interactions[exported]
        message_id = record.original_message_id
        assert message_id is not None
        [(name, data)] = fake.attachments_of(message_id)
        assert name == "baraza-e2e-webinar.csv"
        assert "How is the policy coherence agenda evaluated?" in data.decode("utf-8")
        assert "Lucía" not in data.decode("utf-8")  # names stay out unless switched on


async def test_export_as_word_names_only_who_agreed_with_iam(rig: BotRig) -> None:
    import io

    import docx

    fake = rig.fake
    async with rig.running():
        await rig.board_posted()
        agreed = await fake.slash_command(
            fake.attendee_id, "iam", {"country": "Colombia", "show_name": True}
        )
        assert "may show your name" in (await rig.answer(agreed))["data"]["content"]
        await rig.say("lucia", "How will the ministry protect social leaders in Colombia?")
        await rig.say("tendai", "Who decides the priorities of the new fund?")
        await rig.board_edit(lambda b: "social leaders" in b and "priorities" in b)

        exported = await fake.slash_command(
            fake.organiser_id, "export", {"format": "docx", "names": True, "lang": "nl"}
        )

        answer = await rig.answer(exported)
        assert answer["data"]["flags"] & EPHEMERAL
        message_id = fake.interactions[exported].original_message_id
        assert message_id is not None
        [(name, data)] = fake.attachments_of(message_id)
        assert name == "baraza-e2e-webinar.docx"
        document = docx.Document(io.BytesIO(data))
        cells = " ".join(c.text for t in document.tables for r in t.rows for c in r.cells)
        assert "How will the ministry protect social leaders in Colombia?" in cells
        assert "Lucía Fernández" in cells  # she agreed with /iam
        assert "Tendai" not in cells and "Participant 1" in cells  # he did not
        headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
        assert "Samenvatting" in headings and "Werkwijze" in headings  # Dutch labels


async def test_organiser_forgets_a_participant_who_asks(rig: BotRig) -> None:
    fake = rig.fake
    async with rig.running() as bot:
        await rig.board_posted()
        await rig.say("lucia", "Please forget me later: how are social leaders protected?")
        await rig.say("tendai", "Who decides the priorities of the new fund?")
        await rig.board_edit(lambda b: "social leaders" in b and "priorities" in b)

        forgot = await fake.slash_command(
            fake.organiser_id, "forget", {"member": fake.member_id("lucia")}
        )

        answer = await rig.answer(forgot)
        assert answer["data"]["flags"] & EPHEMERAL
        assert answer["data"]["content"].startswith("Done: their name")
        await rig.board_edit(lambda b: "social leaders" not in b and "priorities" in b)
        text = render(
            await bot.ctx.service.exports.document(bot.ctx.event_id, include_names=True), "json"
        )
        assert b"social leaders" not in text and "Lucía".encode() not in text
        again = await fake.slash_command(
            fake.organiser_id, "forget", {"member": fake.member_id("lucia")}
        )
        assert "nothing of theirs" in (await rig.answer(again))["data"]["content"]
