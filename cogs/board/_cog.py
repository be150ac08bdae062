"""The board cog: wires the view and the updater to the queue and to Discord events."""

from __future__ import annotations

import logging

import discord
from discord.ext import commands

from cogs._common import BarazaContext
from cogs.board._limiter import EditLimiter
from cogs.board._updater import BoardUpdater
from cogs.board._view import BoardView

log = logging.getLogger(__name__)

#: Discord's edit rate for one channel's messages.
EDITS_PER_WINDOW = 5
WINDOW_SECONDS = 5.0


class BoardCog(commands.Cog, name="Board"):
    """Keeps the moderator board current and answers its buttons."""

    def __init__(self, bot: commands.Bot, ctx: BarazaContext) -> None:
        self.bot = bot
        self.ctx = ctx
        self.view = BoardView(ctx)
        self.updater = BoardUpdater(
            bot,
            ctx,
            self.view,
            channel_id=ctx.config.discord.moderator_channel,
            limiter=EditLimiter(
                EDITS_PER_WINDOW,
                WINDOW_SECONDS,
                min_gap=ctx.config.board.debounce_seconds,
            ),
        )
        self.view.updater = self.updater

    async def cog_load(self) -> None:
        """Register the persistent buttons and start following the queue."""
        self.bot.add_view(self.view)
        self.ctx.service.add_listener(self._on_change)
        self.ctx.on_board_refresh(self.updater.request)
        self.updater.start()

    async def cog_unload(self) -> None:
        """Leave the board current on shutdown."""
        await self.updater.stop()

    def _on_change(self, event_id: int) -> None:
        if event_id == self.ctx.event_id:
            self.updater.request()

    @commands.Cog.listener()
    async def on_raw_message_delete(self, payload: discord.RawMessageDeleteEvent) -> None:
        """Someone deleted the board message: post a new one."""
        if payload.message_id == self.updater.message_id:
            log.warning("board message %s was deleted", payload.message_id)
            self.updater.lost()
