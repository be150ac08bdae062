"""The board cog: wires the view and the updater to the queue and to Discord events."""

from __future__ import annotations

import logging

import discord
from discord.ext import commands

from cogs._common import BarazaContext, Servers
from cogs.board._limiter import EditLimiter
from cogs.board._updater import BoardUpdater
from cogs.board._view import BoardView

log = logging.getLogger(__name__)

#: Discord's edit rate for one channel's messages.
EDITS_PER_WINDOW = 5
WINDOW_SECONDS = 5.0


class BoardCog(commands.Cog, name="Board"):
    """Keeps every server's moderator board current and answers their buttons."""

    def __init__(self, bot: commands.Bot, servers: Servers) -> None:
        self.bot = bot
        self.servers = servers
        self.view = BoardView(servers)
        #: event id -> the board of the server whose webinar it is
        self.updaters: dict[int, BoardUpdater] = {}
        for ctx in servers:
            updater = self._updater(ctx)
            self.updaters[ctx.event_id] = updater
            self.view.updaters[ctx.guild_id] = updater

    def _updater(self, ctx: BarazaContext) -> BoardUpdater:
        return BoardUpdater(
            self.bot,
            ctx,
            self.view,
            channel_id=ctx.server.moderator_channel,
            limiter=EditLimiter(
                EDITS_PER_WINDOW,
                WINDOW_SECONDS,
                min_gap=ctx.config.board.debounce_seconds,
            ),
        )

    @property
    def updater(self) -> BoardUpdater:
        """The first server's board (the only one in a single-webinar bot)."""
        return next(iter(self.updaters.values()))

    async def cog_load(self) -> None:
        """Register the persistent buttons and start following the queues."""
        self.bot.add_view(self.view)
        self.servers.service.add_listener(self._on_change)
        for ctx in self.servers:
            ctx.on_board_refresh(self.updaters[ctx.event_id].request)
        for updater in self.updaters.values():
            updater.start()

    async def cog_unload(self) -> None:
        """Leave the boards current on shutdown."""
        for updater in self.updaters.values():
            await updater.stop()

    def _on_change(self, event_id: int) -> None:
        updater = self.updaters.get(event_id)
        if updater is not None:
            updater.request()

    @commands.Cog.listener()
    async def on_raw_message_delete(self, payload: discord.RawMessageDeleteEvent) -> None:
        """Someone deleted a board message: post a new one."""
        for updater in self.updaters.values():
            if payload.message_id == updater.message_id:
                log.warning("board message %s was deleted", payload.message_id)
                updater.lost()
