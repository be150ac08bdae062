"""The webinar chat: every message in an intake channel goes into Baraza's record.

Messages, edits and deletions follow the chat; a 👍 reaction (any skin tone, also ⬆️ and ➕) is
a vote, taken back when the reaction is removed. Raw gateway events are used, so reactions,
edits and deletions on messages discord.py no longer caches still count. After a restart or a
reconnect that cannot resume, the catch-up reads back the messages and the votes of the time
the bot was away. Feedback is quiet: the
bot reacts 📥 to a message that was queued and ⏸️ to one held for review; it never replies in
the channel. Moderators can queue any chat message with the message command *Add to queue*.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import UTC, datetime, time
from typing import Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot import discord_support as support
from bot.core.model import QuestionState
from bot.core.moderation import is_vote_emoji
from bot.usecases import IngestResult
from cogs._common import (
    HELD_EMOJI,
    PERSON_KEY_PREFIX,
    QUEUED_EMOJI,
    SOURCE,
    BarazaContext,
    Servers,
    chat_message,
    person_key,
    reply,
    require_moderator,
)

log = logging.getLogger(__name__)

_CHAT_TYPES = (discord.MessageType.default, discord.MessageType.reply)
#: users per page of a reaction's users (Discord's maximum)
_USERS_PAGE = 100


def _emoji_name(reaction: discord.Reaction) -> str:
    emoji = reaction.emoji
    return emoji if isinstance(emoji, str) else emoji.name or ""


def _vote_reactions(message: discord.Message) -> list[discord.Reaction]:
    """The message's reactions with a vote emoji (👍 in any skin tone, ⬆️, ➕)."""
    return [r for r in message.reactions if is_vote_emoji(_emoji_name(r))]


def _normal(reaction: discord.Reaction) -> int:
    """Normal (not super) reactions; the total when Discord gave no breakdown."""
    if reaction.normal_count or reaction.burst_count:
        return reaction.normal_count
    return reaction.count


def _others(reaction: discord.Reaction) -> int:
    """How many besides the bot itself react so (other bots still counted)."""
    return _normal(reaction) - reaction.me + reaction.burst_count - reaction.me_burst


@dataclass
class _Tally:
    """What reading the votes back changed in one channel."""

    messages: int = 0
    added: int = 0
    removed: int = 0

    def add(self, changed: tuple[int, int] | None) -> None:
        """Count one message's changes (None or (0, 0): nothing changed)."""
        if changed is not None and any(changed):
            self.messages += 1
            self.added += changed[0]
            self.removed += changed[1]


class IntakeCog(commands.Cog, name="Intake"):
    """Turns the intake channels' messages, edits, deletions and 👍 into service calls."""

    def __init__(self, bot: commands.Bot, servers: Servers) -> None:
        self.bot = bot
        self.servers = servers
        #: channels this session has read back to the present (live messages move their mark)
        self.caught_up: set[int] = set()
        #: message id -> held while the catch-up reads that message's votes back
        self._reconciling: dict[int, asyncio.Lock] = {}
        #: messages that got a live vote event since the last catch-up started
        self._live_votes: set[int] = set()
        self.add_to_queue_menu = app_commands.ContextMenu(
            name="Add to queue", callback=self.add_to_queue
        )

    async def cog_load(self) -> None:
        """Register the message command (context menus cannot be declared inside a cog)."""
        self.bot.tree.add_command(self.add_to_queue_menu, guilds=self.servers.guild_objects())

    async def cog_unload(self) -> None:
        """Unregister the message command."""
        for guild in self.servers.guild_objects():
            self.bot.tree.remove_command(
                self.add_to_queue_menu.name, type=self.add_to_queue_menu.type, guild=guild
            )

    def _intake(self, guild_id: int | None, channel_id: int) -> BarazaContext | None:
        """The event whose webinar chat this channel is (None: not an intake channel)."""
        ctx = self.servers.get(guild_id)
        return ctx if ctx is not None and channel_id in ctx.intake_channels else None

    def _is_me(self, user_id: int) -> bool:
        return self.bot.user is not None and user_id == self.bot.user.id

    # -- messages ------------------------------------------------------------------------

    def _wanted(self, message: discord.Message) -> bool:
        return not (
            message.author.bot
            or message.guild is None
            or message.type not in _CHAT_TYPES
            or self._intake(message.guild.id, message.channel.id) is None
        )

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        """A chat message: record it (question detection and the rest happen in the service)."""
        if self._wanted(message):
            await self._take(message)

    @commands.Cog.listener()
    async def on_connect(self) -> None:
        """A new session (READY): whatever was posted since the last one may be missing, so
        live messages must not move any channel's mark until ``catch_up`` (from ``on_ready``,
        which discord.py fires only after the guilds arrive) has read the channel back."""
        self.caught_up.clear()

    async def catch_up(self) -> int:
        """Record what the intake channels got while the bot was away; returns how many.

        Each channel is read from its high-water mark: the newest message up to which this
        channel's record has no gap (for a new event: the start of its day). Live messages
        that arrive before or during the catch-up are stored as usual (ingest is idempotent)
        but move the mark only once the channel has been read back, so a restart or a
        reconnect that cannot resume never skips what was posted while the bot was away.

        The same pass reads the votes back: 👍 given or taken back while the bot was away
        never came as events, so the history is read from the start of the event's day and
        each open question's votes are set to the reactions its message has now (see
        :meth:`_reconcile_votes`). API calls: one history page per 100 messages of the day,
        then per message holding an open question with a vote emoji from someone but the
        bot, one call per vote emoji (and per further 100 users); one more for a message that
        got a live vote during the catch-up. A message with no vote reaction costs nothing.
        """
        self.caught_up.clear()
        self._live_votes.clear()
        taken = 0
        for ctx in self.servers:
            taken += await self._catch_up_event(ctx)
        if taken:
            log.info("caught up %d chat messages posted while the bot was away", taken)
        return taken

    async def _catch_up_event(self, ctx: BarazaContext) -> int:
        service, event_id = ctx.service, ctx.event_id
        day = await service.events.date_of(event_id)
        day_start = discord.utils.time_snowflake(datetime.combine(day, time.min, tzinfo=UTC))
        taken = 0
        for channel_id in sorted(ctx.intake_channels):
            channel = self.bot.get_channel(channel_id)
            if not isinstance(channel, discord.TextChannel):
                continue
            mark = await service.intake.mark(event_id, SOURCE, str(channel_id))
            newest = mark or day_start
            # the votes every open question holds before the pass: a message the record
            # already had that is neither in here nor carries a 👍 needs no more look
            voted = await service.moderation.message_voters(event_id, SOURCE)
            tally = _Tally()
            try:
                async for message in channel.history(
                    after=discord.Object(id=min(day_start, newest)), limit=None, oldest_first=True
                ):
                    fresh = message.id > (mark or day_start)
                    if fresh:
                        if self._wanted(message):
                            taken += await self._take(message)
                        newest = max(newest, message.id)
                    if fresh or voted.get(str(message.id)) or _vote_reactions(message):
                        tally.add(await self._reconcile_votes(ctx, message))
            except discord.HTTPException as exc:
                log.warning("could not read the history of channel %s (%s)", channel_id, exc.status)
                continue
            await service.intake.advance_mark(event_id, SOURCE, str(channel_id), newest)
            self.caught_up.add(channel_id)
            if tally.messages:
                log.info(
                    "votes read back in channel %s: %d messages, %d added, %d taken back",
                    channel_id,
                    tally.messages,
                    tally.added,
                    tally.removed,
                )
        return taken

    async def _take(self, message: discord.Message) -> int:
        channel_id = message.channel.id
        ctx = self.servers.get(message.guild.id if message.guild else None)
        if ctx is None:
            return 0
        mark = (str(channel_id), message.id) if channel_id in self.caught_up else None
        result = await ctx.service.intake.ingest(ctx.event_id, [chat_message(message)], mark=mark)
        log.info(
            "message %s from user %s: %d new, %d queued, %d held",
            message.id,
            message.author.id,
            result.new,
            result.questions + result.merged + result.logistics,
            result.held,
        )
        await self._feedback(message, result)
        return result.new

    async def _feedback(self, message: discord.Message, result: IngestResult) -> None:
        """Quiet feedback: 📥 queued, ⏸️ held for review; nothing for chatter."""
        if result.held:
            emoji = HELD_EMOJI
        elif result.questions or result.merged or result.logistics:
            emoji = QUEUED_EMOJI
        else:
            return
        try:
            await message.add_reaction(emoji)
        except discord.HTTPException as exc:
            log.info("could not react to message %s (%s)", message.id, exc.status)

    @commands.Cog.listener()
    async def on_raw_message_edit(self, payload: discord.RawMessageUpdateEvent) -> None:
        """The author edited a message: the record and its question follow."""
        ctx = self._intake(payload.guild_id, payload.channel_id)
        if ctx is None:
            return
        if "content" not in payload.data or payload.message.author.bot:
            return  # embed-only updates (link previews) or our own messages
        await ctx.service.intake.edit_message(
            ctx.event_id, SOURCE, str(payload.message_id), payload.message.content
        )
        log.info("message %s edited", payload.message_id)

    @commands.Cog.listener()
    async def on_raw_message_delete(self, payload: discord.RawMessageDeleteEvent) -> None:
        """The message was deleted: kept as deleted in the record, its question withdrawn."""
        ctx = self._intake(payload.guild_id, payload.channel_id)
        if ctx is None:
            return
        await ctx.service.intake.withdraw_message(ctx.event_id, SOURCE, str(payload.message_id))
        log.info("message %s deleted", payload.message_id)

    @commands.Cog.listener()
    async def on_raw_bulk_message_delete(self, payload: discord.RawBulkMessageDeleteEvent) -> None:
        """A moderator purged messages: each is withdrawn."""
        ctx = self._intake(payload.guild_id, payload.channel_id)
        if ctx is None:
            return
        for message_id in sorted(payload.message_ids):
            await ctx.service.intake.withdraw_message(ctx.event_id, SOURCE, str(message_id))
        log.info("%d messages deleted in bulk", len(payload.message_ids))

    # -- votes ---------------------------------------------------------------------------

    @commands.Cog.listener()
    async def on_raw_reaction_add(self, payload: discord.RawReactionActionEvent) -> None:
        """👍 on a question is a vote."""
        await self._vote(payload, add=True)

    @commands.Cog.listener()
    async def on_raw_reaction_remove(self, payload: discord.RawReactionActionEvent) -> None:
        """Taking the 👍 back takes the vote back."""
        await self._vote(payload, add=False)

    async def _vote(self, payload: discord.RawReactionActionEvent, *, add: bool) -> None:
        ctx = self._intake(payload.guild_id, payload.channel_id)
        if ctx is None:
            return
        if self._is_me(payload.user_id) or (payload.member is not None and payload.member.bot):
            return
        if not is_vote_emoji(payload.emoji.name or ""):
            return
        self._live_votes.add(payload.message_id)  # before any await: see _reconcile_votes
        reading = self._reconciling.get(payload.message_id)
        if reading is not None:  # its reactions are being read back: apply this one after
            async with reading:
                pass
        if add:
            await self._record_first(ctx, payload)
        member = payload.member
        if member is not None:
            name = member.display_name
        else:
            user = self.bot.get_user(payload.user_id)
            name = user.display_name if user is not None else f"Discord user {payload.user_id}"
        votes = await ctx.service.moderation.vote_on_message(
            ctx.event_id,
            SOURCE,
            str(payload.message_id),
            f"discord:{payload.user_id}",
            name,
            add=add,
        )
        log.info(
            "vote %s by user %s on message %s: %s",
            "added" if add else "removed",
            payload.user_id,
            payload.message_id,
            "no question" if votes is None else f"{votes} votes",
        )

    async def _record_first(
        self, ctx: BarazaContext, payload: discord.RawReactionActionEvent
    ) -> None:
        """A 👍 can come before its message is recorded: while the message's own handler is
        still storing it, or after a restart before the channel has been read back. Record
        the message first (ingest is idempotent), so the vote is not lost."""
        event_id, message_id = ctx.event_id, payload.message_id
        if await ctx.service.intake.recorded(event_id, SOURCE, str(message_id)):
            return
        channel = self.bot.get_channel(payload.channel_id)
        if not isinstance(channel, discord.TextChannel):
            return
        try:
            message = await channel.fetch_message(message_id)
        except discord.HTTPException as exc:
            log.info("could not fetch message %s for a vote (%s)", message_id, exc.status)
            return
        if self._wanted(message):
            await self._take(message)

    async def _reconcile_votes(
        self, ctx: BarazaContext, message: discord.Message
    ) -> tuple[int, int] | None:
        """Set the votes of the message's open question to the 👍 it has now on Discord.

        The users of each vote emoji on the message are read (100 a page; no call when nobody
        but the bot reacts so) and the votes go through the path of a live reaction, so a
        second pass changes nothing. Counts alone are not trusted: one 👍 given and another
        taken back while the bot was away leave the count as it was. Bots are no voters.

        The history page that brought ``message`` may be older than a live reaction since:
        a message that got one during this catch-up is fetched again first. While a message
        is read back, live reactions on it wait, so they are applied last. An HTTP error (a
        rate limit discord.py gave up on included) is logged and the message keeps its votes.
        Returns (added, taken back); None when the message holds no open question or failed.
        """
        moderation, event_id, message_id = ctx.service.moderation, ctx.event_id, message.id
        key = str(message_id)
        lock = asyncio.Lock()
        async with lock:
            self._reconciling[message_id] = lock
            try:
                stored = (await moderation.message_voters(event_id, SOURCE, key)).get(key)
                if stored is None:
                    return None  # no open question on this message
                try:
                    if message_id in self._live_votes:
                        message = await message.channel.fetch_message(message_id)
                    reactions = [r for r in _vote_reactions(message) if _others(r) > 0]
                    voters = await self._reactors(message, reactions) if reactions else {}
                except discord.HTTPException as exc:
                    log.warning("could not read the reactions on message %s (%s)", key, exc.status)
                    return None
                changed = await moderation.set_message_voters(
                    event_id, SOURCE, key, voters, key_prefix=PERSON_KEY_PREFIX
                )
            finally:
                self._reconciling.pop(message_id, None)
        if changed is not None and any(changed):
            log.info("votes on message %s read back: %d added, %d taken back", key, *changed)
        return changed

    async def _reactors(
        self, message: discord.Message, reactions: list[discord.Reaction]
    ) -> dict[str, str]:
        """Person key -> display name of everyone but bots reacting with a vote emoji now.

        ``GET /channels/{channel}/messages/{message}/reactions/{emoji}``, 100 users a page,
        the next page ``after`` the last user, until a page is not full (``Reaction.users``
        would stop at the count the history gave, which may be older than the pages)."""
        voters: dict[str, str] = {}
        for reaction in reactions:
            emoji = reaction.emoji
            route_emoji = emoji if isinstance(emoji, str) else f"{emoji.name}:{emoji.id}"
            kinds: tuple[tuple[Literal[1] | None, int], ...] = (
                # no type: Discord's default, normal reactions; 1: super reactions
                (None, _normal(reaction) - reaction.me),
                (1, reaction.burst_count - reaction.me_burst),
            )
            for kind, count in kinds:
                after: int | None = None
                while count > 0:
                    page = await self.bot.http.get_reaction_users(
                        message.channel.id,
                        message.id,
                        route_emoji,
                        _USERS_PAGE,
                        after=after,
                        type=kind,
                    )
                    for user in page:
                        user_id = int(user["id"])
                        if user.get("bot") or self._is_me(user_id):
                            continue
                        name = user.get("global_name") or user["username"]
                        voters[person_key(user_id)] = name
                    if len(page) < _USERS_PAGE:
                        break
                    after = int(page[-1]["id"])
        return voters

    # -- moderators ----------------------------------------------------------------------

    async def add_to_queue(
        self, interaction: discord.Interaction, message: discord.Message
    ) -> None:
        """Put this chat message on the moderator's queue (moderators only)."""
        ctx = self.servers.of(interaction)
        require_moderator(ctx, interaction.user)
        if self._intake(interaction.guild_id, message.channel.id) is None:
            await reply(interaction, "Only messages in the webinar chat channels can be queued.")
            return
        if message.author.bot:
            await reply(interaction, "Messages from bots are not queued.")
            return
        await interaction.response.defer(ephemeral=True, thinking=True)
        question, rank = await support.add_to_queue(
            ctx.service, ctx.event_id, chat_message(message)
        )
        log.info(
            "user %s queued message %s as question %s", interaction.user.id, message.id, question.id
        )
        if question.state is QuestionState.QUEUED:
            text = f"Q{question.id} is on the queue" + (f" at #{rank}." if rank else ".")
            held_mark = any(r.me and str(r.emoji) == HELD_EMOJI for r in message.reactions)
            try:
                if held_mark and self.bot.user is not None:
                    await message.remove_reaction(HELD_EMOJI, self.bot.user)
                await message.add_reaction(QUEUED_EMOJI)
            except discord.HTTPException as exc:
                log.info("could not react to message %s (%s)", message.id, exc.status)
        elif question.state is QuestionState.MERGED:
            text = f"Q{question.id} is merged into Q{question.merged_into}" + (
                f", which is #{rank}." if rank else "."
            )
        else:
            text = f"Q{question.id} is {question.state.value}; `/answer` and the board manage it."
        await reply(interaction, text)
