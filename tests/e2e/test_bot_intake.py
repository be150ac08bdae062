"""The real Baraza bot against the fake Discord: start-up, the webinar chat, votes, participants.

The bot is built with :func:`bot.discord_runner.open_bot` (the same building block ``baraza run``
uses) over a real SQLite file, with the test's keyword classifier instead of the encoder.
``BotRig`` (also used by the moderation and resilience tests) holds the plumbing.
"""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import discord
import pytest

from bot.config import BoardConfig, Config, DiscordConfig, EventConfig
from bot.discord_runner import BarazaBot, open_bot
from cogs.board import BOARD_TITLE
from tests.e2e.fake_discord import (
    CLIENT_TEST_KWARGS,
    EPHEMERAL,
    FakeDiscord,
    RecordedRequest,
    run_client,
)
from tests.helpers import KeywordClassifier

Json = dict[str, Any]

# --------------------------------------------------------------------------------------------
# The rig (shared with test_bot_moderation.py and test_bot_resilience.py)
# --------------------------------------------------------------------------------------------


def embed_text(embed: Json) -> str:
    """Everything a moderator reads in an embed, as one string."""
    parts = [embed.get("title", ""), embed.get("description", "")]
    for fld in embed.get("fields", []):
        parts += [fld["name"], fld["value"]]
    parts.append((embed.get("footer") or {}).get("text", ""))
    return "\n".join(parts)


def body_text(body: Json | None) -> str:
    """The content and embeds of a message body as one string."""
    body = body or {}
    return "\n".join(
        [body.get("content") or ""] + [embed_text(e) for e in body.get("embeds") or []]
    )


class _Errors(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@dataclass
class BotRig:
    """A fake Discord, a config pointing at it, a database file, and ways to watch the board."""

    fake: FakeDiscord
    db_path: Path
    config: Config = field(init=False)

    def __post_init__(self) -> None:
        self.config = Config(
            event=EventConfig(name="E2E webinar"),
            board=BoardConfig(top=10),
            discord=DiscordConfig(
                guild_id=self.fake.guild_id,
                intake_channels=[self.fake.channel_id("webinar-chat")],
                moderator_channel=self.fake.channel_id("moderators"),
            ),
        )

    @property
    def chat(self) -> int:
        return self.fake.channel_id("webinar-chat")

    @property
    def mod_channel(self) -> int:
        return self.fake.channel_id("moderators")

    @asynccontextmanager
    async def running(self, db_path: Path | None = None) -> AsyncIterator[BarazaBot]:
        """The real bot, logged in and READY; closed (then its store) on exit."""
        async with (
            open_bot(
                self.config,
                db_path or self.db_path,
                classifier=KeywordClassifier(),
                **CLIENT_TEST_KWARGS,
            ) as bot,
            run_client(bot, self.fake),
        ):
            yield bot

    async def board_posted(self, since: int = 0) -> int:
        """Wait for the bot to post its board in the moderator channel; its message id."""
        request = await self.fake.wait_for_request(
            "POST",
            rf"/channels/{self.mod_channel}/messages",
            since=since,
            predicate=lambda r: BOARD_TITLE in body_text(r.json),
        )
        return int(request.response["id"])

    async def board_edit(self, check: Callable[[str], bool], *, since: int = 0) -> RecordedRequest:
        """Wait for a successful board edit whose text passes ``check``."""
        return await self.fake.wait_for_request(
            "PATCH",
            rf"/channels/{self.mod_channel}/messages/\d+",
            since=since,
            predicate=lambda r: BOARD_TITLE in body_text(r.json) and check(body_text(r.json)),
        )

    def board_now(self, message_id: int) -> str:
        """The board as the fake stores it now."""
        return body_text(self.fake.get_message(message_id))

    async def say(self, username: str, text: str, **kwargs: Any) -> int:
        """``username`` posts ``text`` in the webinar chat; the message id."""
        message = await self.fake.message_create(
            "webinar-chat", self.fake.member_id(username), text, **kwargs
        )
        return int(message["id"])

    async def reacted(self, message_id: int, emoji: str, *, since: int = 0) -> RecordedRequest:
        """Wait for the bot's own reaction ``emoji`` on a chat message."""
        return await self.fake.wait_for_request(
            "PUT",
            rf"/channels/{self.chat}/messages/{message_id}/reactions/{re.escape(emoji)}/@me",
            since=since,
        )

    async def answer(self, interaction_id: int) -> Json:
        """The bot's answer to an interaction (deferred ones followed)."""
        return await self.fake.wait_for_interaction_response(interaction_id)


def question_id_on_board(board: str, text: str) -> int:
    """The ``Q<id>`` of the board entry showing ``text``."""
    lines = board.splitlines()
    for i, line in enumerate(lines):
        if text in line and i > 0:
            match = re.search(r"Q(\d+)", lines[i - 1])
            if match:
                return int(match.group(1))
    raise AssertionError(f"{text!r} is not on the board:\n{board}")


def top_of_board(board: str) -> int:
    """The ``Q<id>`` shown as #1 on the board."""
    match = re.search(r"^#1 · Q(\d+) ·", board, re.MULTILINE)
    assert match, f"nothing ranked #1 on the board:\n{board}"
    return int(match.group(1))


@pytest.fixture
def bot_errors() -> Iterator[_Errors]:
    """Fail the test if Baraza's own code logged an ERROR (discord.py's are checked by conftest)."""
    handler = _Errors()
    loggers = [logging.getLogger(name) for name in ("bot", "cogs")]
    for logger in loggers:
        logger.addHandler(handler)
    yield handler
    for logger in loggers:
        logger.removeHandler(handler)
    assert not handler.records, [r.getMessage() for r in handler.records]


@pytest.fixture
def rig(fake_discord: FakeDiscord, tmp_path: Path, bot_errors: _Errors) -> BotRig:
    return BotRig(fake_discord, tmp_path / "baraza.sqlite3")


# --------------------------------------------------------------------------------------------
# Start-up
# --------------------------------------------------------------------------------------------


async def test_bot_logs_in_syncs_commands_and_posts_a_pinned_board(rig: BotRig) -> None:
    fake = rig.fake
    async with rig.running() as bot:
        board_id = await rig.board_posted()

        assert bot.is_ready() and bot.user is not None and bot.user.id == fake.bot_user_id
        intents = discord.Intents._from_value(fake.identifies[0]["intents"])
        assert (intents.guilds, intents.guild_messages, intents.message_content) == (1, 1, 1)
        assert intents.guild_reactions and not intents.members and not intents.presences
        synced = {c["name"] for c in fake.commands[fake.guild_id]}
        assert {
            "ask",
            "iam",
            "myquestions",
            "queue",
            "answer",
            "export",
            "forget",
            "Add to queue",
        } <= synced
        assert not fake.commands[None], "nothing is synced globally"
        await fake.wait_for_request("PUT", rf"/channels/{rig.mod_channel}/messages/pins/{board_id}")
        assert fake.pinned_ids("moderators") == [board_id]
        board = fake.get_message(board_id)
        assert "No questions in the queue yet." in body_text(board)
        buttons = {c["custom_id"] for row in board["components"] for c in row["components"]}
        assert buttons == {
            "baraza:answered",
            "baraza:next",
            "baraza:dismiss",
            "baraza:hold",
            "baraza:pin",
        }
        post = fake.requests_to("POST", rf"/channels/{rig.mod_channel}/messages")[0]
        assert post.json["allowed_mentions"]["parse"] == []


# --------------------------------------------------------------------------------------------
# The webinar chat
# --------------------------------------------------------------------------------------------


async def test_question_in_the_chat_appears_on_the_board_and_gets_a_quiet_mark(
    rig: BotRig,
) -> None:
    async with rig.running():
        board_id = await rig.board_posted()
        mark = rig.fake.mark()

        chatter = await rig.say("tendai", "Hello everyone, greetings from Harare")
        question = await rig.say(
            "lucia", "How will the ministry make sure civic space is protected?"
        )

        edit = await rig.board_edit(lambda b: "civic space is protected" in b, since=mark)
        await rig.reacted(question, "📥", since=mark)
        assert "Hello everyone" not in body_text(edit.json)
        assert rig.fake.reactions_on(chatter) == {}
        assert "civic space is protected" in rig.board_now(board_id)
        # Quiet feedback only: nothing was posted in the chat channel.
        assert rig.fake.bot_messages("webinar-chat") == []
        assert edit.json["allowed_mentions"]["parse"] == []


async def test_thumbs_up_is_a_vote_and_taking_it_back_removes_it(rig: BotRig) -> None:
    async with rig.running():
        await rig.board_posted()
        question = await rig.say("lucia", "Who decides the priorities of the new fund?")
        await rig.board_edit(lambda b: "priorities of the new fund" in b and "👍 0" in b)
        mark = rig.fake.mark()

        await rig.fake.reaction_add(rig.fake.member_id("tendai"), "webinar-chat", question, "👍🏾")
        await rig.board_edit(lambda b: "👍 1" in b, since=mark)
        mark = rig.fake.mark()
        await rig.fake.reaction_remove(
            rig.fake.member_id("tendai"), "webinar-chat", question, "👍🏾"
        )

        await rig.board_edit(lambda b: "👍 0" in b, since=mark)


async def test_held_question_is_marked_and_counted_on_the_board(rig: BotRig) -> None:
    async with rig.running():
        await rig.board_posted()
        mark = rig.fake.mark()

        spam = await rig.say("tendai", "@everyone why not read https://spam.example/win now?")

        await rig.reacted(spam, "⏸️", since=mark)
        edit = await rig.board_edit(lambda b: "1 held for review" in b, since=mark)
        assert "spam.example" not in body_text(edit.json)


async def test_edits_and_deletions_follow_the_chat(rig: BotRig) -> None:
    async with rig.running():
        await rig.board_posted()
        question = await rig.say("lucia", "Will the policy framework include local languages?")
        await rig.board_edit(lambda b: "include local languages" in b)
        mark = rig.fake.mark()

        await rig.fake.message_update(
            question, content="Will the policy framework include indigenous languages?"
        )
        await rig.board_edit(lambda b: "indigenous languages" in b, since=mark)
        mark = rig.fake.mark()
        await rig.fake.message_delete(question)

        await rig.board_edit(lambda b: "No questions in the queue yet." in b, since=mark)


# --------------------------------------------------------------------------------------------
# Participant commands
# --------------------------------------------------------------------------------------------


async def test_ask_opens_a_form_and_confirms_the_rank_privately(rig: BotRig) -> None:
    fake = rig.fake
    async with rig.running():
        await rig.board_posted()
        opened = await fake.slash_command(fake.attendee_id, "ask")
        modal = await rig.answer(opened)
        assert modal["type"] == 9
        text_input = modal["data"]["components"][0]["components"][0]
        assert (text_input["style"], text_input["max_length"]) == (2, 1000)

        submitted = await fake.modal_submit(
            fake.attendee_id,
            modal["data"]["custom_id"],
            {text_input["custom_id"]: "What budget is there\nfor women-led organisations"},
        )

        answer = await rig.answer(submitted)
        assert answer["data"]["flags"] & EPHEMERAL
        assert re.search(r"Q\d+ is on the queue at #1\.", answer["data"]["content"])
        await rig.board_edit(lambda b: "for women-led organisations" in b)


async def test_iam_autocompletes_countries_and_names_the_region(rig: BotRig) -> None:
    fake = rig.fake
    async with rig.running():
        await rig.board_posted()
        typing = await fake.autocomplete(fake.attendee_id, "iam", {"country": "ken"})
        choices = (await rig.answer(typing))["data"]["choices"]
        assert [c["value"] for c in choices] == ["Kenya"]

        declared = await fake.slash_command(
            fake.attendee_id, "iam", {"country": "Kenya", "organisation": "Wajibu"}
        )
        answer = await rig.answer(declared)
        assert answer["data"]["flags"] & EPHEMERAL
        assert "Kenya (Global South)" in answer["data"]["content"]

        await rig.say("lucia", "How can local organisations access direct funding?")
        await rig.board_edit(lambda b: "south (KE)" in b)


async def test_myquestions_lists_state_and_rank(rig: BotRig) -> None:
    fake = rig.fake
    async with rig.running():
        await rig.board_posted()
        before = await rig.answer(await fake.slash_command(fake.attendee_id, "myquestions"))
        assert "not asked a question yet" in before["data"]["content"]
        await rig.say("lucia", "What is the timeline for the new subsidy framework?")
        await rig.board_edit(lambda b: "new subsidy framework" in b)

        mine = await rig.answer(await fake.slash_command(fake.attendee_id, "myquestions"))

        assert mine["data"]["flags"] & EPHEMERAL
        assert re.search(
            r"\*\*Q\d+\*\* \(queued, #1\): What is the timeline", mine["data"]["content"]
        )
