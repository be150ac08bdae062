"""Keeps the pinned board message current.

Every queue change only marks the board dirty; one task edits the message. An idle board is
edited at once; while changes come faster than Discord allows (5 edits per 5 s per channel),
they are coalesced into the next edit :class:`~cogs.board._limiter.EditLimiter` permits. A failed
edit (beyond discord.py's own retries) is tried again after a short back-off with fresh content,
so the board catches up after a rate limit. After a restart the updater finds its message again
(the stored id, else the bot's pinned board in the channel) and only posts a new one when
neither exists.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

import aiohttp
import discord
from discord.ext import commands

from bot import discord_support as support
from bot.tasks import cancel_requested, stop_task
from cogs._common import NO_MENTIONS, BarazaContext
from cogs.board._limiter import EditLimiter
from cogs.board._render import current_board_embed, is_board_message

log = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[None]]
_FLUSH_TIMEOUT = 3.0  # on shutdown, wait at most this long to leave the board current


class BoardUpdater:
    """Keeps one board message current, within Discord's edit rate, catching up after failures."""

    def __init__(
        self,
        bot: commands.Bot,
        ctx: BarazaContext,
        view: discord.ui.View,
        *,
        channel_id: int,
        limiter: EditLimiter | None = None,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self.bot = bot
        self.ctx = ctx
        self.view = view
        self.channel_id = channel_id
        self.limiter = limiter or EditLimiter()
        self._sleep = sleep
        self.message: discord.Message | None = None
        self.rendered = False
        self.shown_top_id: int | None = None
        self._pending_top_id: int | None = None
        self._dirty = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    @property
    def message_id(self) -> int | None:
        """The id of the board message (None until found or posted)."""
        return self.message.id if self.message else None

    def request(self) -> None:
        """The queue changed: re-render as soon as the edit rate allows (changes coalesce)."""
        self._dirty.set()

    def lost(self) -> None:
        """The board message was deleted: post a new one."""
        self.message = None
        self._dirty.set()

    def start(self) -> None:
        """Start keeping the board current (once the bot is ready)."""
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="baraza-board")

    async def stop(self) -> None:
        """Stop; one last edit (within the rate) if changes are pending, so the board is current."""
        if self._task is not None:
            await stop_task(self._task)
            self._task = None
        if self._dirty.is_set() and self.message is not None and not self.bot.is_closed():
            try:
                await asyncio.wait_for(self._edit_when_allowed(), timeout=_FLUSH_TIMEOUT)
            except (TimeoutError, discord.HTTPException, aiohttp.ClientError, OSError):
                log.warning("could not flush board message %s on shutdown", self.message_id)

    async def render(self) -> discord.Embed:
        """The embed for the current queue."""
        embed, entries = await current_board_embed(self.ctx, self.ctx.config.board.top)
        embed.timestamp = datetime.now(UTC)
        self._pending_top_id = entries[0].question.id if entries else None
        return embed

    def _backoff(self, failures: int) -> float:
        return max(self.limiter.min_gap, min(5.0, 0.5 * 2 ** (failures - 1)))

    async def _run(self) -> None:
        await self.bot.wait_until_ready()
        failures = 0
        while not cancel_requested():  # a cancellation a library swallowed still ends the loop
            try:
                if self.message is None:
                    await self._attach()
                else:
                    await self._dirty.wait()
                    await self._edit_when_allowed()
                failures = 0
            except asyncio.CancelledError:
                raise
            except (discord.HTTPException, aiohttp.ClientError, OSError) as exc:
                # discord.py already retried 429s and 5xx; try again shortly with fresh content.
                failures += 1
                self._dirty.set()
                delay = self._backoff(failures)
                status = getattr(exc, "status", type(exc).__name__)
                log.warning("board update failed (%s); retrying in %.1f s", status, delay)
                await self._sleep(delay)
            except Exception:
                failures += 1
                log.exception("board update crashed; retrying")
                self._dirty.set()
                await self._sleep(self._backoff(failures))

    async def _edit_when_allowed(self) -> None:
        """Wait for the limiter (changes meanwhile join this edit), then edit."""
        delay = self.limiter.delay()
        if delay > 0:
            await self._sleep(delay)
        await self._edit()

    async def _edit(self) -> None:
        message = self.message
        if message is None:
            return
        self._dirty.clear()
        embed = await self.render()
        try:
            await message.edit(embed=embed, view=self.view, allowed_mentions=NO_MENTIONS)
        except discord.NotFound:
            log.warning("board message %s was deleted; posting a new one", message.id)
            self.lost()
            return
        except BaseException:
            self._dirty.set()
            raise
        finally:
            # Counted whether or not it succeeded: a failed request may still have used the rate.
            self.limiter.record()
        self.shown_top_id, self.rendered = self._pending_top_id, True
        log.debug("board message %s edited", message.id)

    async def _channel(self) -> discord.abc.Messageable:
        channel = self.bot.get_channel(self.channel_id)
        if channel is None:
            channel = await self.bot.fetch_channel(self.channel_id)
        if not isinstance(channel, discord.TextChannel | discord.Thread):
            raise discord.ClientException(f"channel {self.channel_id} is not a text channel")
        return channel

    async def _attach(self) -> None:
        channel = await self._channel()
        found = await self._find(channel)
        if found is not None:
            self.message = found
            self._dirty.set()  # bring the old board up to date at once
            log.info("reusing board message %s in channel %s", found.id, self.channel_id)
        else:
            self._dirty.clear()
            embed = await self.render()
            try:
                found = await channel.send(
                    embed=embed, view=self.view, allowed_mentions=NO_MENTIONS
                )
            finally:
                self.limiter.record()
            self.message = found
            self.shown_top_id, self.rendered = self._pending_top_id, True
            log.info("posted board message %s in channel %s", found.id, self.channel_id)
        await support.remember_board_message(self.ctx.service, self.channel_id, found.id)
        if not found.pinned:
            try:
                await found.pin(reason="Baraza moderator board")
            except discord.HTTPException as exc:
                log.warning("could not pin board message %s (%s)", found.id, exc.status)

    async def _find(self, channel: discord.abc.Messageable) -> discord.Message | None:
        me = self.bot.user
        if me is None:
            return None
        remembered = await support.board_message_id(self.ctx.service, self.channel_id)
        if remembered is not None:
            try:
                message = await channel.fetch_message(remembered)
            except discord.NotFound:
                log.info("remembered board message %s is gone", remembered)
            else:
                if message.author.id == me.id:
                    return message
        if isinstance(channel, discord.TextChannel | discord.Thread):
            try:
                async for pinned in channel.pins(limit=50):
                    if is_board_message(pinned, me.id):
                        return pinned
            except discord.Forbidden:
                log.warning("cannot read the pins of channel %s", self.channel_id)
        return None
