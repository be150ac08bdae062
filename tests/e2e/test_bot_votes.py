"""Votes given or taken back while the bot was away are read back from Discord's reactions.

The real bot (``BotRig``) against the fake Discord over real sockets: a restart that cannot
resume gets no reaction events for the time it was down (``lose_undelivered_events``), so
the catch-up has to set each open question's votes to the 👍 its message has now.
"""

from __future__ import annotations

import asyncio
import logging
import re
from pathlib import Path

import pytest

from bot.discord_runner import BarazaBot
from cogs.intake import IntakeCog
from tests.e2e.fake_discord import FakeDiscord
from tests.e2e.test_bot_intake import BotRig, bot_errors

__all__ = ["bot_errors"]  # the fixture is used by this module's rig

USERS_ROUTE = r"/channels/\d+/messages/{}/reactions/[^/]+"


@pytest.fixture
def rig(fake_discord: FakeDiscord, tmp_path: Path, bot_errors: object) -> BotRig:
    return BotRig(fake_discord, tmp_path / "baraza.sqlite3")


def votes_on_board(board: str, text: str) -> int | None:
    """The 👍 count of the board entry showing ``text`` (None: not on the board)."""
    lines = board.splitlines()
    for i, line in enumerate(lines):
        if text in line and i > 0:
            match = re.search(r"👍 (\d+)", lines[i - 1])
            if match:
                return int(match.group(1))
    return None


async def caught_up(bot: BarazaBot, channel_id: int, timeout: float = 10.0) -> None:  # noqa: ASYNC109
    """Wait until this session's catch-up has read ``channel_id`` back (votes included)."""
    cog = bot.get_cog("Intake")
    assert isinstance(cog, IntakeCog)
    async with asyncio.timeout(timeout):
        while channel_id not in cog.caught_up:  # noqa: ASYNC110 (a plain set, no event)
            await asyncio.sleep(0.02)


async def voters(bot: BarazaBot, message_id: int) -> set[str]:
    """The person keys of the votes the message's open question holds in the store."""
    found = await bot.ctx.service.moderation.message_voters(
        bot.ctx.event_id, "discord", str(message_id)
    )
    return found[str(message_id)]


def key(fake: FakeDiscord, username: str) -> str:
    return f"discord:{fake.member_id(username)}"


async def test_votes_given_and_taken_back_while_the_bot_was_down_are_read_back(
    rig: BotRig,
) -> None:
    fake = rig.fake
    other_bot = fake.add_member("pollbot", bot=True)
    early = "Before the crash: how are partners consulted on the fund?"
    swapped = "Before the crash too: how will small NGOs qualify for grants?"
    missed = "While it was down: who sets the agenda of the new fund?"
    async with rig.running() as bot:
        await rig.board_posted()
        first = await rig.say("lucia", early)
        second = await rig.say("kofi", swapped)
        await rig.reacted(first, "📥")
        await rig.reacted(second, "📥")
        await fake.reaction_add(fake.member_id("tendai"), rig.chat, first, "👍")
        await fake.reaction_add(fake.member_id("amina"), rig.chat, first, "👍🏿")
        await fake.reaction_add(fake.member_id("tendai"), rig.chat, second, "➕")
        await rig.board_edit(
            lambda b: votes_on_board(b, early) == 2 and votes_on_board(b, swapped) == 1
        )
        assert await voters(bot, first) == {key(fake, "tendai"), key(fake, "amina")}

    # the bot is down (a crash mid-webinar); the chat and its reactions go on
    await fake.reaction_remove(fake.member_id("tendai"), rig.chat, first, "👍")
    # one vote given and another taken back: the count stays, the voters change
    await fake.reaction_remove(fake.member_id("tendai"), rig.chat, second, "➕")
    await fake.reaction_add(fake.member_id("lucia"), rig.chat, second, "👍🏼")
    later = await rig.say("tendai", missed)
    await fake.reaction_add(fake.member_id("lucia"), rig.chat, later, "👍🏽")
    await fake.reaction_add(fake.member_id("kofi"), rig.chat, later, "⬆️")
    await fake.reaction_add(fake.member_id("kofi"), rig.chat, later, "👍")  # one person, one vote
    await fake.reaction_add(fake.bot_user_id, rig.chat, later, "👍")  # the bot itself
    await fake.reaction_add(other_bot, rig.chat, later, "👍")  # another bot
    await fake.reaction_add(fake.member_id("amina"), rig.chat, later, "🎉")  # no vote emoji
    assert await fake.lose_undelivered_events() >= 10  # a new login gets none of them
    mark = fake.mark()

    async with rig.running() as bot:
        await caught_up(bot, rig.chat)
        await rig.board_edit(
            lambda b: (
                votes_on_board(b, early) == 1
                and votes_on_board(b, missed) == 2
                and votes_on_board(b, swapped) == 1
            ),
            since=mark,
        )
        assert await voters(bot, first) == {key(fake, "amina")}
        assert await voters(bot, later) == {key(fake, "lucia"), key(fake, "kofi")}
        assert await voters(bot, second) == {key(fake, "lucia")}
        # Discord is asked for the users of each vote emoji on a question (not for the 🎉)
        asked = fake.requests_to("GET", USERS_ROUTE.format(r"\d+"), since=mark)
        by_message = sorted(int(r.path.split("/")[4]) for r in asked)
        assert by_message == sorted([first, second, later, later, later]), [r.path for r in asked]
        assert all(r.query["limit"] == "100" for r in asked)
        # one pass over the history, 100 messages a page, from the event's day
        history = fake.requests_to("GET", rf"/channels/{rig.chat}/messages", since=mark)
        assert len(history) == 1 and history[0].query["limit"] == "100"
    mark = fake.mark()

    # a second restart with nothing new: nothing is counted twice
    async with rig.running() as bot:
        await caught_up(bot, rig.chat)
        await rig.board_edit(
            lambda b: votes_on_board(b, early) == 1 and votes_on_board(b, missed) == 2,
            since=mark,
        )
        assert await voters(bot, first) == {key(fake, "amina")}
        assert await voters(bot, later) == {key(fake, "lucia"), key(fake, "kofi")}
        assert await voters(bot, second) == {key(fake, "lucia")}
        asked = fake.requests_to("GET", USERS_ROUTE.format(r"\d+"), since=mark)
        assert len(asked) == 5  # read again (counts alone are not trusted), nothing changed
        # and the live path still works after the catch-up
        live = fake.mark()
        await fake.reaction_add(fake.member_id("tendai"), rig.chat, first, "👍🏻")
        await rig.board_edit(lambda b: votes_on_board(b, early) == 2, since=live)


async def test_reaction_users_are_read_page_by_page(rig: BotRig) -> None:
    fake = rig.fake
    crowd = [fake.add_member(f"attendee{i:03d}") for i in range(130)]
    text = "How will the fund measure its impact in rural areas?"
    async with rig.running():
        await rig.board_posted()
        question = await rig.say("lucia", text)
        await rig.reacted(question, "📥")
    for user_id in crowd:
        await fake.reaction_add(user_id, rig.chat, question, "👍")
    await fake.lose_undelivered_events()
    mark = fake.mark()

    async with rig.running() as bot:
        await caught_up(bot, rig.chat, timeout=30)
        await rig.board_edit(lambda b: votes_on_board(b, text) == 130, since=mark)
        asked = fake.requests_to("GET", USERS_ROUTE.format(question), since=mark)
        assert [r.query.get("after") for r in asked] == [None, str(sorted(crowd)[99])]
        assert len(await voters(bot, question)) == 130


async def test_errors_reading_reactions_are_logged_and_the_catch_up_goes_on(
    rig: BotRig, caplog: pytest.LogCaptureFixture
) -> None:
    fake = rig.fake
    refused = "Why are French-speaking partners not on the panel?"
    limited = "How do consortia share the risk of a joint project?"
    async with rig.running():
        await rig.board_posted()
        first = await rig.say("lucia", refused)
        second = await rig.say("kofi", limited)
        await rig.reacted(first, "📥")
        await rig.reacted(second, "📥")
    await fake.reaction_add(fake.member_id("tendai"), rig.chat, first, "👍")
    await fake.reaction_add(fake.member_id("tendai"), rig.chat, second, "👍")
    await fake.lose_undelivered_events()
    fake.fail_next("GET", USERS_ROUTE.format(first), status=403)
    limit = fake.fail_next("GET", USERS_ROUTE.format(second), status=429, retry_after=0.05)
    mark = fake.mark()

    with caplog.at_level(logging.INFO, logger="cogs"):
        async with rig.running() as bot:
            await caught_up(bot, rig.chat)
            await rig.board_edit(lambda b: votes_on_board(b, limited) == 1, since=mark)
            assert await voters(bot, first) == set()  # left as it was
            assert limit.hits == 1  # discord.py waited and asked again
            # the bot runs on: a live vote on the question it could not read back counts
            live = fake.mark()
            await fake.reaction_add(fake.member_id("amina"), rig.chat, first, "👍")
            await rig.board_edit(lambda b: votes_on_board(b, refused) == 1, since=live)
    warnings = [
        r.getMessage()
        for r in caplog.records
        if r.levelno == logging.WARNING and r.name.startswith("cogs")
    ]
    assert warnings == [f"could not read the reactions on message {first} (403)"]
    # ids only in the log: no names, no message text
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("cogs"))
    for private in ("Lucía", "Tendai", "Kofi", "French", "consortia"):
        assert private not in logged


@pytest.mark.fake_discord(replay_on_identify=False)
async def test_votes_during_a_reconnect_that_cannot_resume_are_read_back(rig: BotRig) -> None:
    fake = rig.fake
    text = "How are youth groups heard in the regional consultations?"
    async with rig.running() as bot:
        await rig.board_posted()
        question = await rig.say("kofi", text)
        await rig.reacted(question, "📥")
        await fake.reaction_add(fake.member_id("tendai"), rig.chat, question, "👍")
        await rig.board_edit(lambda b: votes_on_board(b, text) == 1)

        mark = fake.mark()
        await fake.invalid_session(resumable=False)  # the client has to IDENTIFY anew
        await fake.reaction_remove(fake.member_id("tendai"), rig.chat, question, "👍")
        await fake.reaction_add(fake.member_id("lucia"), rig.chat, question, "👍🏾")
        await fake.reaction_add(fake.member_id("amina"), rig.chat, question, "➕")
        await fake.wait_for_identify(2, timeout=15)  # discord.py waits 5 s before it

        expected = {key(fake, "lucia"), key(fake, "amina")}
        async with asyncio.timeout(10):
            while await voters(bot, question) != expected:  # noqa: ASYNC110 (a database)
                await asyncio.sleep(0.05)
        await rig.board_edit(lambda b: votes_on_board(b, text) == 2, since=mark)
