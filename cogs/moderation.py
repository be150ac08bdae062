"""Moderator commands: the queue, answering, merging, themes, balance and pause.

Every command here needs the moderator role (``[discord] moderator_role``; organisers may too);
anybody else gets a polite ephemeral refusal. Answers are ephemeral. Question ids (``Q12``) are
the ones shown on the board and in ``/queue``.

While the Q&A is paused (``/pause``) the chat is still recorded and the board still follows the
queue, but "act on the first question" actions (``/next`` and the board buttons) wait; commands
that name a question by id keep working so moderators can tidy up during the pause.
"""

from __future__ import annotations

import logging
from typing import Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot import discord_support as support
from bot.boards.terminal import settings_line
from bot.core.model import Question, QuestionState
from cogs._common import BarazaContext, Servers, reply, require_moderator, safe_text
from cogs.board import current_board_embed

log = logging.getLogger(__name__)

ModeChoice = Literal["floor", "fair", "off"]


class ModerationCog(commands.Cog, name="Moderation"):
    """Moderator-only slash commands."""

    def __init__(self, bot: commands.Bot, servers: Servers) -> None:
        self.bot = bot
        self.servers = servers

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        """Only moderators (and organisers) may use these commands."""
        ctx = self.servers.of(interaction)
        require_moderator(ctx, interaction.user)
        return True

    @staticmethod
    async def _question(ctx: BarazaContext, question_id: int) -> Question:
        return await support.question_in_event(ctx.service, ctx.event_id, question_id)

    async def _set_state(
        self, interaction: discord.Interaction, question_id: int, state: QuestionState, done: str
    ) -> None:
        ctx = self.servers.of(interaction)
        question = await self._question(ctx, question_id)
        await ctx.service.moderation.set_state(question.id, state)
        log.info("user %s set question %s to %s", interaction.user.id, question.id, state.value)
        await reply(interaction, f"Q{question.id} {done}.")

    @app_commands.command(name="queue")
    @app_commands.describe(top="How many questions to show (default: as on the board)")
    async def queue(
        self, interaction: discord.Interaction, top: app_commands.Range[int, 1, 25] | None = None
    ) -> None:
        """Show the ranked queue (only you see it)."""
        ctx = self.servers.of(interaction)
        embed, _ = await current_board_embed(ctx, top or ctx.config.board.top)
        await reply(interaction, embed=embed)

    @app_commands.command(name="next")
    async def next(self, interaction: discord.Interaction) -> None:
        """Mark the first question answered and show the next one."""
        ctx = self.servers.of(interaction)
        service, event_id = ctx.service, ctx.event_id
        if await support.is_paused(service, event_id):
            await reply(interaction, "The Q&A is paused; `/pause` resumes it.")
            return
        top = await service.queue.ranked(event_id, top=1)
        if not top:
            await reply(interaction, "The queue is empty.")
            return
        answered = top[0].question
        upcoming = await service.moderation.next_question(event_id)
        log.info("user %s: next after question %s", interaction.user.id, answered.id)
        if upcoming is None:
            await reply(interaction, f"Q{answered.id} marked answered. The queue is now empty.")
            return
        await reply(
            interaction,
            f"Q{answered.id} marked answered. Next, Q{upcoming.id}:\n"
            f"> {safe_text(upcoming.text, 1500)}",
        )

    @app_commands.command(name="answer")
    @app_commands.rename(question_id="id")
    @app_commands.describe(question_id="The question's number (Q12 → 12)")
    async def answer(self, interaction: discord.Interaction, question_id: int) -> None:
        """Mark a question answered."""
        await self._set_state(interaction, question_id, QuestionState.ANSWERED, "marked answered")

    @app_commands.command(name="dismiss")
    @app_commands.rename(question_id="id")
    @app_commands.describe(question_id="The question's number (Q12 → 12)")
    async def dismiss(self, interaction: discord.Interaction, question_id: int) -> None:
        """Take a question off the queue without answering it."""
        await self._set_state(interaction, question_id, QuestionState.DISMISSED, "dismissed")

    @app_commands.command(name="approve")
    @app_commands.rename(question_id="id")
    @app_commands.describe(question_id="The question's number (Q12 → 12)")
    async def approve(self, interaction: discord.Interaction, question_id: int) -> None:
        """Put a held (or answered, or dismissed) question back on the queue."""
        await self._set_state(
            interaction, question_id, QuestionState.QUEUED, "is back on the queue"
        )

    @app_commands.command(name="held")
    async def held(self, interaction: discord.Interaction) -> None:
        """List the questions waiting for review (links, mass mentions, floods)."""
        ctx = self.servers.of(interaction)
        held = await ctx.service.queue.held(ctx.event_id)
        if not held:
            await reply(interaction, "Nothing is held for review.")
            return
        lines = [f"{len(held)} held for review (`/approve id` queues one, `/dismiss id` drops it):"]
        for question in held[:15]:
            reason = f" ({question.hold_reason})" if question.hold_reason else ""
            lines.append(f"**Q{question.id}**{reason}: {safe_text(question.text, 100)}")
        await reply(interaction, "\n".join(lines))

    @app_commands.command(name="merge")
    @app_commands.rename(question_id="id")
    @app_commands.describe(
        question_id="The question to merge (Q12 → 12)", into="The question it repeats"
    )
    async def merge(self, interaction: discord.Interaction, question_id: int, into: int) -> None:
        """Merge a question into one that asks the same: one entry, votes pooled."""
        ctx = self.servers.of(interaction)
        child = await self._question(ctx, question_id)
        parent = await self._question(ctx, into)
        merged = await ctx.service.moderation.merge(child.id, parent.id)
        log.info("user %s merged question %s into %s", interaction.user.id, child.id, merged.id)
        await reply(
            interaction, f"Q{child.id} merged into Q{merged.id}; their votes count together."
        )

    @app_commands.command(name="split")
    @app_commands.rename(question_id="id")
    @app_commands.describe(question_id="The merged question to split off (Q12 → 12)")
    async def split(self, interaction: discord.Interaction, question_id: int) -> None:
        """Undo a merge: the question goes back on the queue on its own."""
        ctx = self.servers.of(interaction)
        question = await self._question(ctx, question_id)
        await ctx.service.moderation.split(question.id)
        log.info("user %s split question %s", interaction.user.id, question.id)
        await reply(interaction, f"Q{question.id} is on the queue on its own again.")

    @app_commands.command(name="retag")
    @app_commands.rename(question_id="id")
    @app_commands.describe(question_id="The question's number (Q12 → 12)", theme="The right theme")
    @app_commands.choices(
        theme=[
            app_commands.Choice(name="Policy discussion", value="policy"),
            app_commands.Choice(name="Civic power", value="civic"),
            app_commands.Choice(name="System change", value="system"),
            app_commands.Choice(name="Other", value="other"),
        ]
    )
    async def retag(
        self, interaction: discord.Interaction, question_id: int, theme: app_commands.Choice[str]
    ) -> None:
        """Correct a question's theme (the model will not change it back)."""
        ctx = self.servers.of(interaction)
        question = await self._question(ctx, question_id)
        await ctx.service.moderation.retag(question.id, theme.value)
        log.info("user %s retagged question %s", interaction.user.id, question.id)
        await reply(interaction, f"Q{question.id} is now tagged {theme.name}.")

    @app_commands.command(name="balance")
    @app_commands.describe(
        share="Target share of Southern questions in every top of the list (0 to 1)",
        mode="floor: at least that share in every top-k; fair: FA*IR test; off: no balance",
    )
    async def balance(
        self,
        interaction: discord.Interaction,
        share: app_commands.Range[float, 0.0, 1.0] | None = None,
        mode: ModeChoice | None = None,
    ) -> None:
        """Show or change how the queue balances Southern and Northern voices."""
        ctx = self.servers.of(interaction)
        service, event_id = ctx.service, ctx.event_id
        if share is None and mode is None:
            settings = await service.queue.ranking_settings(event_id)
            await reply(interaction, f"Current balance: {settings_line(settings)}.")
            return
        settings = await service.queue.set_balance(event_id, share, mode)
        log.info("user %s changed the balance", interaction.user.id)
        await reply(interaction, f"Balance changed: {settings_line(settings)}.")

    @app_commands.command(name="pause")
    async def pause(self, interaction: discord.Interaction) -> None:
        """Pause the Q&A (or resume it): the chat is still recorded, the board shows paused."""
        ctx = self.servers.of(interaction)
        service, event_id = ctx.service, ctx.event_id
        paused = not await support.is_paused(service, event_id)
        await support.set_paused(service, event_id, paused)
        ctx.refresh_board()
        log.info("user %s %s the Q&A", interaction.user.id, "paused" if paused else "resumed")
        if paused:
            text = (
                "Q&A paused. Questions are still recorded; the board shows *paused* and its "
                "buttons wait. Run `/pause` again to resume."
            )
        else:
            text = "Q&A resumed."
        await reply(interaction, text)
