"""One bot, two Discord servers, two webinars: each server's chat, board and commands reach only
its own event (the cogs route by server), over one service and one classifier.

The bot runs sharded (``[discord] sharded = "yes"``), so discord.py's AutoShardedBot path is the
one under test; the fake Discord recommends one shard.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import BoardConfig, Config, DiscordConfig, DiscordServerConfig
from bot.core.model import QuestionState
from bot.discord_runner import ShardedBarazaBot
from tests.e2e.fake_discord import FakeDiscord
from tests.e2e.test_bot_intake import (
    BotRig,
    body_text,
    bot_errors,
    question_id_on_board,
)

__all__ = ["bot_errors"]  # the fixture is used by this module's rig

QUESTION_A = "How will the ministry fund local organisations in Kenya?"
QUESTION_B = "Comment la société civile peut-elle évaluer la politique?"


@pytest.fixture
def two_servers(fake_discord: FakeDiscord, tmp_path: Path, bot_errors: object) -> BotRig:
    fake = fake_discord
    second = fake.add_guild("Second webinar", ["chat-b", "moderators-b"])
    rig = BotRig(fake, tmp_path / "baraza.sqlite3")
    rig.config = Config(
        board=BoardConfig(top=10),
        discord=DiscordConfig(
            sharded="yes",
            servers=[
                DiscordServerConfig(
                    guild_id=fake.guild_id,
                    intake_channels=[fake.channel_id("webinar-chat")],
                    moderator_channel=fake.channel_id("moderators"),
                    event="Webinar A",
                ),
                DiscordServerConfig(
                    guild_id=second,
                    intake_channels=[fake.channel_id("chat-b")],
                    moderator_channel=fake.channel_id("moderators-b"),
                ),
            ],
        ),
    )
    return rig


async def _board(fake: FakeDiscord, channel: int, text: str, since: int = 0) -> str:
    request = await fake.wait_for_request(
        "PATCH",
        rf"/channels/{channel}/messages/\d+",
        since=since,
        predicate=lambda r: text in body_text(r.json),
    )
    return body_text(request.json)


async def test_each_server_is_its_own_webinar(two_servers: BotRig) -> None:
    rig, fake = two_servers, two_servers.fake
    mod_a, mod_b = fake.channel_id("moderators"), fake.channel_id("moderators-b")
    async with rig.running() as bot:
        assert isinstance(bot, ShardedBarazaBot)
        ctx_a, ctx_b = list(bot.servers)
        assert ctx_a.event_name == "Webinar A"
        assert ctx_b.event_name.startswith(f"Discord webinar {fake.guild_of('chat-b')} ")
        synced = {g: {c["name"] for c in fake.commands[g]} for g in fake.guild_ids()}
        assert all({"next", "queue", "ask"} <= names for names in synced.values())

        await fake.message_create("webinar-chat", fake.member_id("lucia"), QUESTION_A)
        await fake.message_create("chat-b", fake.member_id("tendai"), QUESTION_B)
        board_a = await _board(fake, mod_a, "fund local organisations")
        board_b = await _board(fake, mod_b, "société civile")
        assert "société civile" not in board_a
        assert "fund local organisations" not in board_b
        qid_a = question_id_on_board(board_a, "fund local organisations")
        qid_b = question_id_on_board(board_b, "société civile")

        service = ctx_a.service
        assert [e.question.id for e in await service.queue.ranked(ctx_a.event_id)] == [qid_a]
        assert [e.question.id for e in await service.queue.ranked(ctx_b.event_id)] == [qid_b]

        # /next in server B answers B's question and leaves A's queue alone
        since = len(fake.requests)
        answer = await rig.answer(
            await fake.slash_command(fake.moderator_id, "next", channel_id="chat-b")
        )
        assert f"Q{qid_b} marked answered" in answer["data"]["content"]
        await _board(fake, mod_b, "No questions in the queue", since=since)
        assert (await service.queue.question(qid_b)).state is QuestionState.ANSWERED
        assert (await service.queue.question(qid_a)).state is QuestionState.QUEUED

        # a question id of the other server is refused, not touched
        answer = await rig.answer(
            await fake.slash_command(
                fake.moderator_id, "dismiss", {"id": qid_a}, channel_id="chat-b"
            )
        )
        assert f"no question Q{qid_a} in this webinar" in answer["data"]["content"]
        assert (await service.queue.question(qid_a)).state is QuestionState.QUEUED

        # /queue in server A shows A's question only
        answer = await rig.answer(await fake.slash_command(fake.moderator_id, "queue"))
        shown = body_text(answer["data"])
        assert "fund local organisations" in shown and "société civile" not in shown
