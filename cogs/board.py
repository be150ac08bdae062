"""The moderator board: one pinned message in the moderator channel, edited in place.

* :func:`render_board_embed` is a pure function from ranked entries to an embed that always fits
  Discord's limits (description ≤ 4096, ≤ 25 fields, ≤ 6000 characters in all).
* :class:`BoardUpdater` keeps the message current: every queue change only marks the board dirty;
  a single task coalesces the changes into at most one edit per ``[board] debounce_seconds`` and
  retries (with a short back-off) when an edit fails beyond discord.py's own retries, so the board
  catches up after a rate limit. After a restart it finds its message again (the stored id, else
  the bot's pinned board in the channel) and only posts a new one when neither exists.
* :class:`BoardView` holds the persistent buttons (stable ``custom_id``s, ``timeout=None``,
  registered with ``bot.add_view``), which act on the question shown as #1.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime

import aiohttp
import discord
from discord.ext import commands

from bot import discord_support as support
from bot.boards.terminal import settings_line
from bot.core.model import Question, QuestionState
from bot.core.ranking import RankingSettings
from bot.core.text import shorten
from bot.usecases import BoardEntry
from cogs._common import (
    NO_MENTIONS,
    BarazaContext,
    answer_error,
    is_moderator,
    moderator_refusal,
    reply,
    safe_text,
)

log = logging.getLogger(__name__)

BOARD_TITLE = "Baraza · moderator board"
THEME_LABEL = {
    "policy": "policy",
    "civic": "civic power",
    "system": "system change",
    "other": "other",
}
EMBED_TOTAL = 6000
EMBED_DESCRIPTION = 4096
EMBED_FIELDS = 25
FIELD_NAME = 256
FIELD_VALUE = 1024
_NAME_LIMIT = 120  # our field names are short; the cap keeps the budget below safe
_WHY_LIMIT = 200
_MARGIN = 20
COLOUR_LIVE = discord.Colour.teal()
COLOUR_PAUSED = discord.Colour.light_grey()

ANSWERED_ID = "baraza:answered"
NEXT_ID = "baraza:next"
DISMISS_ID = "baraza:dismiss"
HOLD_ID = "baraza:hold"
PIN_ID = "baraza:pin"


# -- rendering (pure) -----------------------------------------------------------------------


def _age(minutes: float) -> str:
    if minutes < 1:
        return "just now"
    if minutes < 60:
        return f"{minutes:.0f} min"
    return f"{int(minutes // 60)} h {int(minutes % 60):02d}"


def _field_name(entry: BoardEntry) -> str:
    q = entry.question
    place = "📌" if q.pinned else f"#{entry.rank}"
    where = q.region.value + (f" ({q.country})" if q.country else "")
    parts = [
        place,
        f"Q{q.id}",
        THEME_LABEL.get(q.theme, q.theme),
        where,
        q.language,
        f"👍 {entry.votes}",
        _age(entry.age_minutes),
    ]
    if q.merged_ids:
        parts.append(f"+{len(q.merged_ids)} merged")
    return shorten(" · ".join(parts), _NAME_LIMIT)


def _footer(held_count: int, shown: int) -> str:
    parts = []
    if held_count:
        parts.append(
            f"⏸️ {held_count} held for review (Apps → Add to queue on a message releases it)"
        )
    else:
        parts.append("nothing held for review")
    if shown:
        parts.append("buttons act on the question shown first")
    return " · ".join(parts)


def render_board_embed(
    entries: Sequence[BoardEntry],
    settings: RankingSettings,
    paused: bool,
    held_count: int,
    *,
    event_name: str = "",
) -> discord.Embed:
    """The board as an embed: top questions with rank, theme, region, language, votes, age, why.

    Participant text is escaped (markdown, mentions) and cut so the embed fits Discord's limits
    whatever the questions contain.
    """
    entries = list(entries)[:EMBED_FIELDS]
    title = BOARD_TITLE + (" · ⏸️ PAUSED" if paused else "")
    lines = []
    if event_name:
        lines.append(f"**{safe_text(event_name, 200)}**")
    lines.append(settings_line(settings))
    if paused:
        lines.append(
            "⏸️ **Q&A paused**: questions are still recorded; "
            "the buttons wait until a moderator runs `/pause` again."
        )
    if not entries:
        lines.append("No questions in the queue yet.")
    description = "\n".join(lines)[:EMBED_DESCRIPTION]
    footer = _footer(held_count, len(entries))
    embed = discord.Embed(
        title=title,
        description=description,
        colour=COLOUR_PAUSED if paused else COLOUR_LIVE,
    )
    embed.set_footer(text=footer)
    names = [_field_name(e) for e in entries]
    room = EMBED_TOTAL - len(title) - len(description) - len(footer) - sum(map(len, names))
    per_value = min(FIELD_VALUE, (room - _MARGIN) // max(1, len(entries)))
    for entry, name in zip(entries, names, strict=True):
        why_limit = min(_WHY_LIMIT, per_value // 3)
        why = safe_text(entry.why, max(0, why_limit - 2))
        why_part = f"\n*{why}*" if why else ""
        text = safe_text(entry.question.text, per_value - len(why_part)) or "(empty)"
        embed.add_field(name=name, value=(text + why_part)[:per_value], inline=False)
    return embed


async def current_board_embed(
    ctx: BarazaContext, top: int
) -> tuple[discord.Embed, list[BoardEntry]]:
    """The board embed for the event's queue as it is now (the live board and ``/queue``)."""
    service, event_id = ctx.service, ctx.event_id
    entries = await service.queue.moderator_view(event_id, top=top)
    embed = render_board_embed(
        entries,
        await service.queue.ranking_settings(event_id),
        await support.is_paused(service, event_id),
        await support.held_count(service, event_id),
        event_name=ctx.event_name,
    )
    return embed, entries


def is_board_message(message: discord.Message, bot_user_id: int) -> bool:
    """Whether ``message`` is a board this bot posted (used to find it again in the pins)."""
    return message.author.id == bot_user_id and any(
        (embed.title or "").startswith(BOARD_TITLE) for embed in message.embeds
    )


# -- keeping the message current ------------------------------------------------------------


class BoardUpdater:
    """Keeps one board message current, debounced, catching up after failed edits."""

    def __init__(
        self,
        bot: commands.Bot,
        ctx: BarazaContext,
        view: discord.ui.View,
        *,
        channel_id: int,
        debounce: float,
    ) -> None:
        self.bot = bot
        self.ctx = ctx
        self.view = view
        self.channel_id = channel_id
        self.debounce = debounce
        self.settle = min(0.25, debounce / 2)  # lets a burst of changes land in one edit
        self.message: discord.Message | None = None
        self.rendered = False
        self.shown_top_id: int | None = None
        self._pending_top_id: int | None = None
        self._dirty = asyncio.Event()
        self._last_edit = float("-inf")
        self._task: asyncio.Task[None] | None = None

    @property
    def message_id(self) -> int | None:
        """The id of the board message (None until found or posted)."""
        return self.message.id if self.message else None

    def request(self) -> None:
        """The queue changed: re-render soon (changes are coalesced)."""
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
        """Stop; one last edit if changes are pending, so the board is left current."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task
            self._task = None
        if self._dirty.is_set() and self.message is not None and not self.bot.is_closed():
            try:
                await asyncio.wait_for(self._edit(), timeout=3)
            except (TimeoutError, discord.HTTPException, aiohttp.ClientError, OSError):
                log.warning("could not flush board message %s on shutdown", self.message_id)

    async def render(self) -> discord.Embed:
        """The embed for the current queue."""
        embed, entries = await current_board_embed(self.ctx, self.ctx.config.board.top)
        embed.timestamp = datetime.now(UTC)
        self._pending_top_id = entries[0].question.id if entries else None
        return embed

    def _backoff(self, failures: int) -> float:
        return max(self.debounce, min(5.0, 0.5 * 2 ** (failures - 1)))

    async def _run(self) -> None:
        await self.bot.wait_until_ready()
        failures = 0
        while True:
            try:
                if self.message is None:
                    await self._attach()
                else:
                    await self._dirty.wait()
                    loop = asyncio.get_running_loop()
                    await asyncio.sleep(
                        max(self.settle, self._last_edit + self.debounce - loop.time())
                    )
                    await self._edit()
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
                await asyncio.sleep(delay)
            except Exception:
                failures += 1
                log.exception("board update crashed; retrying")
                self._dirty.set()
                await asyncio.sleep(self._backoff(failures))

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
        self._last_edit = asyncio.get_running_loop().time()
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
            found = await channel.send(embed=embed, view=self.view, allowed_mentions=NO_MENTIONS)
            self.message = found
            self._last_edit = asyncio.get_running_loop().time()
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


# -- buttons --------------------------------------------------------------------------------

Action = Callable[[Question], Awaitable[str]]


class BoardView(discord.ui.View):
    """Persistent moderator buttons under the board; each acts on the question shown first."""

    def __init__(self, ctx: BarazaContext) -> None:
        super().__init__(timeout=None)
        self.ctx = ctx
        self.updater: BoardUpdater | None = None

    async def on_error(
        self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item, /
    ) -> None:
        """Errors become a polite ephemeral reply (and a log line with ids)."""
        await answer_error(interaction, error)

    async def _top(self) -> tuple[Question | None, str]:
        """The question shown as #1 (or, before the first render, the current #1)."""
        service, event_id = self.ctx.service, self.ctx.event_id
        updater = self.updater
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
        if not is_moderator(self.ctx, interaction.user):
            await reply(interaction, moderator_refusal(self.ctx))
            return
        if await support.is_paused(self.ctx.service, self.ctx.event_id):
            await reply(
                interaction, "The Q&A is paused, so the board buttons wait. `/pause` resumes it."
            )
            return
        question, why_not = await self._top()
        if question is None:
            await reply(interaction, why_not)
            return
        log.info("board button by user %s on question %s", interaction.user.id, question.id)
        await reply(interaction, await action(question))

    async def _answered(self, question: Question) -> str:
        await self.ctx.service.moderation.set_state(question.id, QuestionState.ANSWERED)
        return f"Q{question.id} marked answered."

    async def _next(self, question: Question) -> str:
        await self.ctx.service.moderation.set_state(question.id, QuestionState.ANSWERED)
        after = await self.ctx.service.queue.ranked(self.ctx.event_id, top=1)
        if not after:
            return f"Q{question.id} marked answered. The queue is now empty."
        nxt = after[0].question
        return f"Q{question.id} marked answered. Next, Q{nxt.id}:\n> {safe_text(nxt.text, 1500)}"

    async def _dismiss(self, question: Question) -> str:
        await self.ctx.service.moderation.set_state(question.id, QuestionState.DISMISSED)
        return f"Q{question.id} dismissed."

    async def _hold(self, question: Question) -> str:
        await self.ctx.service.moderation.set_state(question.id, QuestionState.HELD)
        return f"Q{question.id} held for review (Apps → Add to queue on its message releases it)."

    async def _pin(self, question: Question) -> str:
        await self.ctx.service.moderation.pin(question.id, not question.pinned)
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


# -- the cog --------------------------------------------------------------------------------


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
            debounce=ctx.config.board.debounce_seconds,
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
