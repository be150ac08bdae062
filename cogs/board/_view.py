"""The persistent buttons under the board (stable ``custom_id``s, ``timeout=None``, registered
with ``bot.add_view``); each acts on the question the board shows as #1."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

import discord

from bot import discord_support as support
from bot.core.model import Question, QuestionState
from cogs._common import (
    BarazaContext,
    Servers,
    answer_error,
    is_moderator,
    moderator_refusal,
    reply,
    safe_text,
)
from cogs.board._updater import BoardUpdater

log = logging.getLogger(__name__)

ANSWERED_ID = "baraza:answered"
NEXT_ID = "baraza:next"
DISMISS_ID = "baraza:dismiss"
HOLD_ID = "baraza:hold"
PIN_ID = "baraza:pin"

Action = Callable[[BarazaContext, Question], Awaitable[str]]


class BoardView(discord.ui.View):
    """Persistent moderator buttons under every server's board; each acts on the question
    shown first on the board of the server it was clicked in (one view: Discord routes a
    button by its ``custom_id``, which is the same on every board)."""

    def __init__(self, servers: Servers) -> None:
        super().__init__(timeout=None)
        self.servers = servers
        self.updaters: dict[int, BoardUpdater] = {}  # guild id -> that server's board

    async def on_error(
        self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item, /
    ) -> None:
        """Errors become a polite ephemeral reply (and a log line with ids)."""
        await answer_error(interaction, error)

    async def _top(self, ctx: BarazaContext) -> tuple[Question | None, str]:
        """The question shown as #1 (or, before the first render, the current #1)."""
        service, event_id = ctx.service, ctx.event_id
        updater = self.updaters.get(ctx.guild_id)
        if updater is not None and updater.rendered:
            if updater.shown_top_id is None:
                return None, "The queue is empty."
            question = await service.queue.question(updater.shown_top_id)
            if question.state is not QuestionState.QUEUED:
                updater.request()
                return None, (
                    f"Q{question.id} is no longer on the queue ({question.state.value}); "
                    "the board is catching up, please look again."
                )
            return question, ""
        top = await service.queue.ranked(event_id, top=1)
        return (top[0].question, "") if top else (None, "The queue is empty.")

    async def _act(self, interaction: discord.Interaction, action: Action) -> None:
        ctx = self.servers.of(interaction)
        if not is_moderator(ctx, interaction.user):
            await reply(interaction, moderator_refusal(ctx))
            return
        if await support.is_paused(ctx.service, ctx.event_id):
            await reply(
                interaction, "The Q&A is paused, so the board buttons wait. `/pause` resumes it."
            )
            return
        question, why_not = await self._top(ctx)
        if question is None:
            await reply(interaction, why_not)
            return
        log.info("board button by user %s on question %s", interaction.user.id, question.id)
        await reply(interaction, await action(ctx, question))

    async def _answered(self, ctx: BarazaContext, question: Question) -> str:
        await ctx.service.moderation.set_state(question.id, QuestionState.ANSWERED)
        return f"Q{question.id} marked answered."

    async def _next(self, ctx: BarazaContext, question: Question) -> str:
        await ctx.service.moderation.set_state(question.id, QuestionState.ANSWERED)
        after = await ctx.service.queue.ranked(ctx.event_id, top=1)
        if not after:
            return f"Q{question.id} marked answered. The queue is now empty."
        nxt = after[0].question
        return f"Q{question.id} marked answered. Next, Q{nxt.id}:\n> {safe_text(nxt.text, 1500)}"

    async def _dismiss(self, ctx: BarazaContext, question: Question) -> str:
        await ctx.service.moderation.set_state(question.id, QuestionState.DISMISSED)
        return f"Q{question.id} dismissed."

    async def _hold(self, ctx: BarazaContext, question: Question) -> str:
        await ctx.service.moderation.set_state(question.id, QuestionState.HELD)
        return f"Q{question.id} held for review (Apps → Add to queue on its message releases it)."

    async def _pin(self, ctx: BarazaContext, question: Question) -> str:
        await ctx.service.moderation.pin(question.id, not question.pinned)
        return f"Q{question.id} {'unpinned' if question.pinned else 'pinned to the top'}."

    @discord.ui.button(
        label="Answered", emoji="✅", style=discord.ButtonStyle.success, custom_id=ANSWERED_ID
    )
    async def answered(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        """Mark the question shown first as answered."""
        await self._act(interaction, self._answered)

    @discord.ui.button(
        label="Next", emoji="⏭️", style=discord.ButtonStyle.primary, custom_id=NEXT_ID
    )
    async def next(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        """Mark the first question answered and show the next one in full."""
        await self._act(interaction, self._next)

    @discord.ui.button(
        label="Dismiss", emoji="🗑️", style=discord.ButtonStyle.danger, custom_id=DISMISS_ID
    )
    async def dismiss(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        """Dismiss the question shown first."""
        await self._act(interaction, self._dismiss)

    @discord.ui.button(
        label="Hold", emoji="⏸️", style=discord.ButtonStyle.secondary, custom_id=HOLD_ID
    )
    async def hold(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        """Hold the question shown first for review."""
        await self._act(interaction, self._hold)

    @discord.ui.button(
        label="Pin / unpin", emoji="📌", style=discord.ButtonStyle.secondary, custom_id=PIN_ID
    )
    async def pin(self, interaction: discord.Interaction, button: discord.ui.Button) -> None:
        """Pin (or unpin) the question shown first."""
        await self._act(interaction, self._pin)
