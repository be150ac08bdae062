"""Commands for everyone in the webinar: ``/ask``, ``/iam`` and ``/myquestions``.

Every answer is ephemeral (only the person who asked sees it).
"""

from __future__ import annotations

import logging

import discord
from discord import app_commands
from discord.ext import commands

from bot import discord_support as support
from bot.app import country_table
from bot.core.model import ChatMessage
from bot.core.text import fold
from cogs._common import (
    ASK_SOURCE,
    REGION_LABEL,
    BarazaContext,
    Servers,
    answer_error,
    person_key,
    reply,
    safe_text,
)

log = logging.getLogger(__name__)

ASK_MODAL_ID = "baraza:ask"
ASK_TEXT_ID = "baraza:ask:text"
MAX_QUESTION = 1000
_MAX_CHOICES = 25  # Discord's limit for autocomplete


class AskModal(discord.ui.Modal):
    """The form behind ``/ask``: one multi-line question of up to 1000 characters."""

    question: discord.ui.TextInput[AskModal] = discord.ui.TextInput(
        label="Your question for the panel",
        custom_id=ASK_TEXT_ID,
        style=discord.TextStyle.paragraph,
        placeholder="Any language is fine. One question per form, please.",
        min_length=3,
        max_length=MAX_QUESTION,
    )

    def __init__(self, ctx: BarazaContext) -> None:
        super().__init__(title="Ask the panel", custom_id=ASK_MODAL_ID)
        self.ctx = ctx

    async def on_submit(self, interaction: discord.Interaction) -> None:
        """Queue the question and tell the asker where it stands."""
        ctx = self.ctx
        await interaction.response.defer(ephemeral=True, thinking=True)
        message = ChatMessage(
            source=ASK_SOURCE,
            source_message_id=str(interaction.id),
            sent_at=interaction.created_at,
            author_name=interaction.user.display_name,
            text=self.question.value,
            author_key=person_key(interaction.user),
        )
        asked = await support.ask(ctx.service, ctx.event_id, message)
        log.info(
            "/ask by user %s: %s (question %s)",
            interaction.user.id,
            asked.outcome,
            asked.question.id if asked.question else None,
        )
        await reply(interaction, ask_answer(asked))

    async def on_error(self, interaction: discord.Interaction, error: Exception, /) -> None:  # type: ignore[override]
        """Errors become a polite ephemeral reply."""
        await answer_error(interaction, error)


def ask_answer(asked: support.Asked) -> str:
    """What the asker is told about their question."""
    q = asked.question
    if asked.outcome == "too_short" or q is None:
        return "That was too short to queue. Please write your question in a full sentence."
    if asked.outcome == "held":
        return (
            f"Thanks! Your question (Q{q.id}) waits for a moderator's review before it is "
            "queued (for example because it contains a link)."
        )
    if asked.outcome == "logistics":
        return (
            f"Thanks! Q{q.id} is a practical question (slides, recording, links...); "
            "the organisers answer those separately."
        )
    where = f" at #{asked.rank}" if asked.rank else ""
    if asked.outcome == "merged":
        return (
            f"Thanks! Someone asked the same already: your question joins Q{q.merged_into}"
            f"{where}, and counts for it."
        )
    return f"Thanks! Your question Q{q.id} is on the queue{where}. 👍 from others moves it up."


def country_choices(current: str) -> list[app_commands.Choice[str]]:
    """Up to 25 country names matching what the user typed (prefix matches first)."""
    typed = fold(current)
    names = country_table().names()
    starts = [n for n in names if fold(n).startswith(typed)]
    inside = [n for n in names if typed and typed in fold(n) and n not in starts]
    return [app_commands.Choice(name=n, value=n) for n in (starts + inside)[:_MAX_CHOICES]]


class ParticipantsCog(commands.Cog, name="Participants"):
    """Commands for every participant."""

    def __init__(self, bot: commands.Bot, servers: Servers) -> None:
        self.bot = bot
        self.servers = servers

    @app_commands.command(name="ask")
    async def ask(self, interaction: discord.Interaction) -> None:
        """Ask the panel a question (a form opens; any language is fine)."""
        ctx = self.servers.of(interaction)
        await interaction.response.send_modal(AskModal(ctx))

    @app_commands.command(name="iam")
    @app_commands.describe(
        country="The country you speak from",
        organisation="Your organisation (optional)",
        show_name="May the report to the ministry show your name and organisation? (default: no)",
    )
    async def iam(
        self,
        interaction: discord.Interaction,
        country: str,
        organisation: app_commands.Range[str, 1, 100] | None = None,
        show_name: bool | None = None,
    ) -> None:
        """Tell Baraza which country you speak from, so the queue can balance voices fairly."""
        ctx = self.servers.of(interaction)
        participant = await ctx.service.people.declare_country(
            ctx.event_id,
            person_key(interaction.user),
            interaction.user.display_name,
            country,
            organisation=organisation,
            name_consent=show_name,
        )
        declared = country_table().lookup(country)
        counted = country_table().lookup(participant.country) if participant.country else None
        region = REGION_LABEL.get(participant.region.value, participant.region.value)
        log.info("user %s declared a country", interaction.user.id)
        if declared is not None and counted is not None and counted.iso2 == declared.iso2:
            text = f"Thanks! You are counted as speaking from {counted.name} ({region})."
        else:
            place = counted.name if counted else "an unknown country"
            text = (
                f"Thanks, noted. The organisers' list already places you in {place} ({region}); "
                "a moderator can change that if it is wrong."
            )
        if show_name is not None:
            text += (
                " The report may show your name if the organisers switch names on."
                if show_name
                else " The report will show you by number, not by name."
            )
        await reply(interaction, text)

    @iam.autocomplete("country")
    async def iam_country(
        self, interaction: discord.Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        """Country names for ``/iam``."""
        return country_choices(current)

    @app_commands.command(name="myquestions")
    async def myquestions(self, interaction: discord.Interaction) -> None:
        """See your own questions, their state and their place in the queue."""
        ctx = self.servers.of(interaction)
        mine = await ctx.service.queue.questions_of(ctx.event_id, person_key(interaction.user))
        if not mine:
            await reply(interaction, "You have not asked a question yet. Use `/ask` to ask one.")
            return
        lines = ["Your questions:"]
        for question, rank in mine:
            state = question.state.value + (f", #{rank}" if rank else "")
            lines.append(f"**Q{question.id}** ({state}): {safe_text(question.text, 150)}")
        text = ""
        for line in lines:
            if len(text) + len(line) + 1 > 1900:
                text += "\n…"
                break
            text += ("\n" if text else "") + line
        await reply(interaction, text)
