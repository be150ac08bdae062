"""Proof that the real discord.py client works end to end against FakeDiscord.

Every test drives a minimal ``commands.Bot`` defined here (not the project's bot) over real
sockets on 127.0.0.1: REST through ``Route.BASE``, events through the gateway websocket.
"""

from __future__ import annotations

import asyncio
import io
import logging
import time
from typing import TYPE_CHECKING, Any

import aiohttp
import discord
import pytest
from discord import app_commands
from discord.ext import commands

from tests.e2e.fake_discord import CLIENT_TEST_KWARGS, EPHEMERAL, FakeDiscord, run_client

if TYPE_CHECKING:
    from tests.e2e.conftest import NetworkGuard, StartBot

UPVOTE_ID = "panel:upvote"


class UpvoteView(discord.ui.View):
    """A persistent view: no timeout and a fixed custom_id, so it survives restarts."""

    def __init__(self) -> None:
        super().__init__(timeout=None)

    @discord.ui.button(label="Upvote", custom_id=UPVOTE_ID, style=discord.ButtonStyle.primary)
    async def upvote(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        await interaction.response.edit_message(content=f"Upvoted by {interaction.user.name}")


class ThemeSelectView(discord.ui.View):
    """Acknowledges with a deferred update, then answers privately and edits the board."""

    def __init__(self) -> None:
        super().__init__(timeout=None)

    @discord.ui.select(
        custom_id="panel:themes",
        options=[discord.SelectOption(label=t) for t in ("health", "housing", "education")],
        max_values=2,
    )
    async def themes(self, interaction: discord.Interaction, select: discord.ui.Select) -> None:
        await interaction.response.defer()
        await interaction.followup.send(f"Filtering on {', '.join(select.values)}", ephemeral=True)
        await interaction.edit_original_response(content=f"Board: {' + '.join(select.values)}")


class FeedbackModal(discord.ui.Modal, title="Session feedback"):
    text: discord.ui.TextInput = discord.ui.TextInput(
        label="Your feedback", custom_id="feedback_text", style=discord.TextStyle.paragraph
    )

    async def on_submit(self, interaction: discord.Interaction) -> None:
        await interaction.response.send_message(f"Thanks: {self.text.value}", ephemeral=True)


class PanelBot(commands.Bot):
    """A tiny bot with one of each thing the harness must carry."""

    def __init__(self, guild_id: int, *, intents: discord.Intents | None = None) -> None:
        if intents is None:
            intents = discord.Intents.default()
            intents.message_content = True
        super().__init__(command_prefix="!", intents=intents, **CLIENT_TEST_KWARGS)
        self.guild_object = discord.Object(id=guild_id)
        guild = self.guild_object

        @self.tree.command(name="ask", description="Ask the panel a question", guild=guild)
        @app_commands.describe(question="Your question")
        async def ask(interaction: discord.Interaction, question: str) -> None:
            await interaction.response.send_message(f"Queued: {question}", ephemeral=True)

        @self.tree.command(name="feedback", description="Leave feedback", guild=guild)
        async def feedback(interaction: discord.Interaction) -> None:
            await interaction.response.send_modal(FeedbackModal())

        @self.tree.command(name="slow", description="Think first", guild=guild)
        async def slow(interaction: discord.Interaction) -> None:
            await interaction.response.defer(ephemeral=True, thinking=True)
            await interaction.edit_original_response(content="Done after thinking")

        @self.tree.command(name="theme", description="Pick a theme", guild=guild)
        async def theme(interaction: discord.Interaction, name: str) -> None:
            await interaction.response.send_message(f"Theme {name}", ephemeral=True)

        @theme.autocomplete("name")
        async def theme_names(
            interaction: discord.Interaction, current: str
        ) -> list[app_commands.Choice[str]]:
            names = ["health", "housing", "education"]
            return [app_commands.Choice(name=n, value=n) for n in names if n.startswith(current)]

        @self.tree.command(name="sleepy", description="Answers too late", guild=guild)
        async def sleepy(interaction: discord.Interaction) -> None:
            await asyncio.sleep(0.3)
            await interaction.response.send_message("late")

        @self.tree.context_menu(name="Flag question", guild=guild)
        async def flag(interaction: discord.Interaction, message: discord.Message) -> None:
            await interaction.response.send_message(f"Flagged: {message.content}", ephemeral=True)

    async def setup_hook(self) -> None:
        self.add_view(UpvoteView())
        await self.tree.sync(guild=self.guild_object)


async def send_from_bot(
    bot: commands.Bot, fake: FakeDiscord, content: str, **kwargs: Any
) -> discord.Message:
    channel = bot.get_channel(fake.channel_id("webinar-chat"))
    assert isinstance(channel, discord.TextChannel)
    return await channel.send(content, **kwargs)


# --------------------------------------------------------------------------------------------
# Connection
# --------------------------------------------------------------------------------------------


async def test_login_ready_and_guild_visible(
    fake_discord: FakeDiscord, start_bot: StartBot
) -> None:
    bot = await start_bot(PanelBot(fake_discord.guild_id))

    assert bot.user is not None and bot.user.id == fake_discord.bot_user_id
    guild = bot.get_guild(fake_discord.guild_id)
    assert guild is not None and guild.name == "Baraza Webinar"
    assert {c.name for c in guild.text_channels} >= {"webinar-chat", "moderators"}
    assert {"Moderator", "Organiser"} <= {r.name for r in guild.roles}
    assert guild.me is not None and guild.me.id == fake_discord.bot_user_id
    # The private staff channel is hidden from @everyone but visible to moderators.
    moderators = guild.get_channel(fake_discord.channel_id("moderators"))
    assert isinstance(moderators, discord.TextChannel)
    assert not moderators.permissions_for(guild.default_role).view_channel
    identify = fake_discord.identifies[0]
    assert identify["intents"] & discord.Intents(message_content=True).value
    assert fake_discord.count("GET", "/users/@me") == 1


async def test_slash_command_is_synced_to_the_guild(
    fake_discord: FakeDiscord, start_bot: StartBot
) -> None:
    await start_bot(PanelBot(fake_discord.guild_id))

    put = await fake_discord.wait_for_request(
        "PUT",
        rf"/applications/{fake_discord.application_id}/guilds/{fake_discord.guild_id}/commands",
    )
    names = {c["name"] for c in put.json}
    assert {"ask", "feedback", "slow", "Flag question"} <= names
    ask = fake_discord.command("ask")
    assert ask["guild_id"] == str(fake_discord.guild_id)
    assert ask["options"][0]["name"] == "question" and ask["options"][0]["required"] is True
    assert not fake_discord.commands[None], "nothing should have been synced globally"


async def test_wrong_token_raises_login_failure(
    fake_discord: FakeDiscord, start_bot: StartBot
) -> None:
    with pytest.raises(discord.LoginFailure):
        await start_bot(PanelBot(fake_discord.guild_id), token="not-the-token")

    assert [r.status for r in fake_discord.requests_to("GET", "/users/@me")] == [401]
    assert fake_discord.identifies == []


# --------------------------------------------------------------------------------------------
# Messages and reactions
# --------------------------------------------------------------------------------------------


async def test_message_create_reaches_on_message(
    fake_discord: FakeDiscord, start_bot: StartBot
) -> None:
    bot = await start_bot(PanelBot(fake_discord.guild_id))
    received = bot.wait_for("message", timeout=5)  # registers the listener right now

    sent = await fake_discord.message_create(
        "webinar-chat", fake_discord.moderator_id, "How will the fund reach rural clinics?"
    )

    message: discord.Message = await received
    assert message.id == int(sent["id"])
    assert message.content == "How will the fund reach rural clinics?"
    assert message.channel.name == "webinar-chat"  # type: ignore[union-attr]
    assert isinstance(message.author, discord.Member)
    assert [r.name for r in message.author.roles if not r.is_default()] == ["Moderator"]


async def test_without_message_content_intent_content_is_blank(
    fake_discord: FakeDiscord, start_bot: StartBot
) -> None:
    bot = await start_bot(PanelBot(fake_discord.guild_id, intents=discord.Intents.default()))
    received = bot.wait_for("message", timeout=5)

    await fake_discord.message_create("webinar-chat", fake_discord.attendee_id, "secret question")

    message: discord.Message = await received
    assert message.content == ""


async def test_bot_sends_a_file_and_edits_its_message(
    fake_discord: FakeDiscord, start_bot: StartBot
) -> None:
    bot = await start_bot(PanelBot(fake_discord.guild_id))

    transcript = discord.File(io.BytesIO(b"Q1: housing\n"), filename="transcript.txt")
    message = await send_from_bot(bot, fake_discord, "Queue: 0 questions", file=transcript)
    await message.edit(content="Queue: 1 question")

    patch = await fake_discord.wait_for_request("PATCH", rf"/channels/\d+/messages/{message.id}")
    assert patch.json["content"] == "Queue: 1 question"
    stored = fake_discord.get_message(message.id)
    assert stored["content"] == "Queue: 1 question"
    assert stored["edited_timestamp"] is not None
    assert fake_discord.attachments_of(message.id) == [("transcript.txt", b"Q1: housing\n")]
    # The attachment URL points at the fake, so the bot can download it again.
    assert await message.attachments[0].read() == b"Q1: housing\n"


async def test_reaction_add_reaches_on_raw_reaction_add(
    fake_discord: FakeDiscord, start_bot: StartBot
) -> None:
    bot = await start_bot(PanelBot(fake_discord.guild_id))
    message = await send_from_bot(bot, fake_discord, "Which question next?")
    received = bot.wait_for("raw_reaction_add", timeout=5)

    await fake_discord.reaction_add(fake_discord.attendee_id, "webinar-chat", message.id, "👍")

    payload: discord.RawReactionActionEvent = await received
    assert payload.message_id == message.id
    assert payload.user_id == fake_discord.attendee_id
    assert str(payload.emoji) == "👍"
    assert payload.member is not None and payload.member.name == "lucia"


async def test_bot_pins_reacts_and_reads_history(
    fake_discord: FakeDiscord, start_bot: StartBot
) -> None:
    bot = await start_bot(PanelBot(fake_discord.guild_id))
    first = await send_from_bot(bot, fake_discord, "first")
    second = await send_from_bot(bot, fake_discord, "second")

    await second.pin()
    await first.add_reaction("✅")
    channel = first.channel
    pinned = [m.id async for m in channel.pins()]
    history = [m.content async for m in channel.history(limit=10)]
    oldest_first = [m.content async for m in channel.history(limit=10, after=first)]

    assert pinned == [second.id]
    assert fake_discord.pinned_ids("webinar-chat") == [second.id]
    assert fake_discord.reactions_on(first.id) == {"✅": [fake_discord.bot_user_id]}
    assert history == ["second", "first"]
    assert oldest_first == ["second"]


# --------------------------------------------------------------------------------------------
# Interactions
# --------------------------------------------------------------------------------------------


async def test_slash_command_is_answered_ephemerally(
    fake_discord: FakeDiscord, start_bot: StartBot
) -> None:
    await start_bot(PanelBot(fake_discord.guild_id))

    interaction_id = await fake_discord.slash_command(
        fake_discord.attendee_id, "ask", {"question": "Is there a gender quota?"}
    )

    answer = await fake_discord.wait_for_interaction_response(interaction_id)
    assert answer["type"] == 4
    assert answer["data"]["content"] == "Queued: Is there a gender quota?"
    assert answer["data"]["flags"] & EPHEMERAL
    assert fake_discord.interactions[interaction_id].is_ephemeral


async def test_deferred_slash_command_is_completed_by_editing_the_original(
    fake_discord: FakeDiscord, start_bot: StartBot
) -> None:
    await start_bot(PanelBot(fake_discord.guild_id))

    interaction_id = await fake_discord.slash_command(fake_discord.attendee_id, "slow")

    answer = await fake_discord.wait_for_interaction_response(interaction_id)
    assert (answer["type"], answer["via"]) == (5, "edit_original")
    assert answer["data"]["content"] == "Done after thinking"
    assert answer["data"]["flags"] & EPHEMERAL


async def test_persistent_view_button_click_is_answered_after_a_restart(
    fake_discord: FakeDiscord, start_bot: StartBot
) -> None:
    async with run_client(PanelBot(fake_discord.guild_id), fake_discord) as first_run:
        board = await send_from_bot(first_run, fake_discord, "Question board", view=UpvoteView())
    await start_bot(PanelBot(fake_discord.guild_id))  # a new process: only add_view() knows the id

    interaction_id = await fake_discord.button_click(fake_discord.attendee_id, board.id, UPVOTE_ID)

    answer = await fake_discord.wait_for_interaction_response(interaction_id)
    assert answer["type"] == 7
    assert fake_discord.get_message(board.id)["content"] == "Upvoted by lucia"


async def test_modal_submit_is_answered(fake_discord: FakeDiscord, start_bot: StartBot) -> None:
    await start_bot(PanelBot(fake_discord.guild_id))
    opened = await fake_discord.slash_command(fake_discord.attendee_id, "feedback")
    modal = await fake_discord.wait_for_interaction_response(opened)
    assert modal["type"] == 9 and modal["data"]["title"] == "Session feedback"

    submitted = await fake_discord.modal_submit(
        fake_discord.attendee_id, modal["data"]["custom_id"], {"feedback_text": "More time for Q&A"}
    )

    answer = await fake_discord.wait_for_interaction_response(submitted)
    assert answer["data"]["content"] == "Thanks: More time for Q&A"
    assert answer["data"]["flags"] & EPHEMERAL


async def test_context_menu_and_autocomplete_are_answered(
    fake_discord: FakeDiscord, start_bot: StartBot
) -> None:
    await start_bot(PanelBot(fake_discord.guild_id))
    question = await fake_discord.message_create(
        "webinar-chat", fake_discord.attendee_id, "Why no sign language interpreter?"
    )

    flagged = await fake_discord.context_menu_message(
        fake_discord.moderator_id, "Flag question", int(question["id"])
    )
    typing = await fake_discord.autocomplete(fake_discord.attendee_id, "theme", {"name": "h"})

    flag_answer = await fake_discord.wait_for_interaction_response(flagged)
    assert flag_answer["data"]["content"] == "Flagged: Why no sign language interpreter?"
    choices = (await fake_discord.wait_for_interaction_response(typing))["data"]["choices"]
    assert [c["value"] for c in choices] == ["health", "housing"]


async def test_select_menu_deferred_update_then_followup_and_edit(
    fake_discord: FakeDiscord, start_bot: StartBot
) -> None:
    bot = await start_bot(PanelBot(fake_discord.guild_id))
    board = await send_from_bot(bot, fake_discord, "Board", view=ThemeSelectView())

    picked = await fake_discord.select_menu(
        fake_discord.attendee_id, board.id, "panel:themes", ["health", "housing"]
    )

    answer = await fake_discord.wait_for_interaction_response(picked)
    assert (answer["type"], answer["via"]) == (6, "followup")
    assert answer["data"]["content"] == "Filtering on health, housing"
    assert answer["data"]["flags"] & EPHEMERAL
    await fake_discord.wait_for_request("PATCH", r"/webhooks/\d+/[^/]+/messages/@original")
    assert fake_discord.get_message(board.id)["content"] == "Board: health + housing"


@pytest.mark.fake_discord(interaction_ack_deadline=0.1)
@pytest.mark.allow_discord_errors
async def test_late_acknowledgement_is_refused_like_discord(
    fake_discord: FakeDiscord, start_bot: StartBot, discord_errors: list[logging.LogRecord]
) -> None:
    await start_bot(PanelBot(fake_discord.guild_id))

    await fake_discord.slash_command(fake_discord.attendee_id, "sleepy")

    callback = await fake_discord.wait_for_request("POST", r"/interactions/\d+/[^/]+/callback")
    assert (callback.status, callback.response["code"]) == (404, 10062)  # Unknown interaction
    await asyncio.sleep(0.05)  # let discord.py log the NotFound from the command
    assert any("sleepy" in record.getMessage() for record in discord_errors)


async def test_message_limits_and_foreign_edits_are_rejected_like_discord(
    fake_discord: FakeDiscord, start_bot: StartBot
) -> None:
    bot = await start_bot(PanelBot(fake_discord.guild_id))
    question = await fake_discord.message_create("webinar-chat", fake_discord.attendee_id, "Q?")
    channel = bot.get_channel(fake_discord.channel_id("webinar-chat"))
    assert isinstance(channel, discord.TextChannel)

    with pytest.raises(discord.HTTPException) as too_long:
        await channel.send("x" * 2001)
    with pytest.raises(discord.HTTPException) as big_embed:
        await channel.send(embed=discord.Embed(description="y" * 4097))
    with pytest.raises(discord.Forbidden) as not_mine:
        await channel.get_partial_message(int(question["id"])).edit(content="edited by the bot")

    assert too_long.value.code == big_embed.value.code == 50035
    assert not_mine.value.code == 50005
    assert fake_discord.bot_messages() == []


# --------------------------------------------------------------------------------------------
# Faults
# --------------------------------------------------------------------------------------------


async def test_rate_limited_edit_is_retried_and_lands(
    fake_discord: FakeDiscord, start_bot: StartBot
) -> None:
    bot = await start_bot(PanelBot(fake_discord.guild_id))
    message = await send_from_bot(bot, fake_discord, "Queue: 3 questions")
    path = rf"/channels/\d+/messages/{message.id}"
    fault = fake_discord.fail_next("PATCH", path, status=429, retry_after=0.2)

    started = time.monotonic()
    await message.edit(content="Queue: 4 questions")

    assert time.monotonic() - started >= 0.2
    assert fault.hits == 1
    assert [r.status for r in fake_discord.requests_to("PATCH", path, include_injected=True)] == [
        429,
        200,
    ]
    assert fake_discord.get_message(message.id)["content"] == "Queue: 4 questions"


async def test_reconnect_then_resume_delivers_missed_message_exactly_once(
    fake_discord: FakeDiscord, start_bot: StartBot
) -> None:
    bot = await start_bot(PanelBot(fake_discord.guild_id))
    seen: list[str] = []
    arrived = {text: asyncio.Event() for text in ("before", "after resume")}

    async def on_message(message: discord.Message) -> None:
        seen.append(message.content)
        if message.content in arrived:
            arrived[message.content].set()

    bot.add_listener(on_message)
    await fake_discord.message_create("webinar-chat", fake_discord.attendee_id, "before")
    await asyncio.wait_for(arrived["before"].wait(), timeout=5)

    await fake_discord.send_reconnect()
    await fake_discord.message_create("webinar-chat", fake_discord.attendee_id, "while away")
    resume = await fake_discord.wait_for_resume()
    await fake_discord.message_create("webinar-chat", fake_discord.attendee_id, "after resume")
    await asyncio.wait_for(arrived["after resume"].wait(), timeout=5)

    # Events arrive in order: any replayed duplicate would have come before "after resume".
    assert seen == ["before", "while away", "after resume"]
    assert resume["session_id"] == fake_discord.session_id
    assert len(fake_discord.identifies) == 1 and fake_discord.connections_opened == 2


class QuickReidentifyBot(PanelBot):
    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        """discord.py sleeps 5 s before every IDENTIFY but the first; not in tests."""


async def test_invalid_session_reidentifies_and_delivers_buffered_events(
    fake_discord: FakeDiscord, start_bot: StartBot
) -> None:
    bot = await start_bot(QuickReidentifyBot(fake_discord.guild_id))
    received = bot.wait_for("message", timeout=5)

    await fake_discord.invalid_session()
    await fake_discord.message_create("webinar-chat", fake_discord.attendee_id, "still there?")
    await fake_discord.wait_for_identify(2)

    message: discord.Message = await received
    assert message.content == "still there?"


# --------------------------------------------------------------------------------------------
# The guard itself
# --------------------------------------------------------------------------------------------


async def test_network_guard_refuses_to_leave_localhost(network_guard: NetworkGuard) -> None:
    async with aiohttp.ClientSession() as session:
        for url in ("http://192.0.2.1/", "https://discord.com/api/v10/users/@me"):
            with pytest.raises(aiohttp.ClientError):
                await session.get(url)

    assert len(network_guard.violations) == 2
    network_guard.violations.clear()  # provoked on purpose; do not fail this test at teardown
