"""What every cog shares: the bot's context, role checks, safe text and safe replies.

Safety rules kept here so no cog can forget them: every message the bot sends carries
``allowed_mentions=AllowedMentions.none()``; participant text is escaped (markdown and mentions)
and cut to fit before it is echoed anywhere.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import discord
from discord import app_commands

from bot.config import Config, DiscordServerConfig
from bot.core.model import ChatMessage, InvalidTransition
from bot.core.text import shorten
from bot.errors import BarazaError
from bot.usecases import Service

log = logging.getLogger(__name__)

NO_MENTIONS = discord.AllowedMentions.none()
SOURCE = "discord"
ASK_SOURCE = "discord-ask"
QUEUED_EMOJI = "📥"
HELD_EMOJI = "⏸️"
_DEFERRED = discord.InteractionResponseType.deferred_channel_message
REGION_LABEL = {"south": "Global South", "north": "Global North", "unknown": "region unknown"}


@dataclass
class BarazaContext:
    """One server's webinar: the shared service and configuration, this server's settings
    and the event its chat goes to."""

    service: Service
    config: Config
    event_id: int
    event_name: str
    server: DiscordServerConfig
    _board_refreshers: list[Callable[[], None]] = field(default_factory=list)

    @property
    def guild_id(self) -> int:
        """The server that mirrors the webinar."""
        return self.server.guild_id

    @property
    def intake_channels(self) -> frozenset[int]:
        """The channels whose messages are this webinar's chat."""
        return frozenset(self.server.intake_channels)

    def on_board_refresh(self, refresher: Callable[[], None]) -> None:
        """Register a callback that re-renders the board (the board cog does)."""
        self._board_refreshers.append(refresher)

    def refresh_board(self) -> None:
        """Ask for a board re-render after a change the service does not report (``/pause``)."""
        for refresher in self._board_refreshers:
            refresher()


class Servers:
    """The webinars of one bot, by server: the cogs route every Discord input through here,
    so a command or a message in one server only ever reaches that server's event."""

    def __init__(self, contexts: Iterable[BarazaContext]) -> None:
        self._by_guild = {ctx.guild_id: ctx for ctx in contexts}
        if not self._by_guild:
            raise ValueError("a bot needs at least one server")

    def __iter__(self) -> Iterator[BarazaContext]:
        return iter(self._by_guild.values())

    def __len__(self) -> int:
        return len(self._by_guild)

    @property
    def service(self) -> Service:
        """The one service every server's event shares."""
        return next(iter(self)).service

    def guild_objects(self) -> list[discord.Object]:
        """Every server, as the objects slash commands are scoped to."""
        return [discord.Object(id=guild_id) for guild_id in self._by_guild]

    def get(self, guild_id: int | None) -> BarazaContext | None:
        """The webinar of server ``guild_id`` (None: not one of ours, or not a server)."""
        return self._by_guild.get(guild_id) if guild_id is not None else None

    def of(self, interaction: discord.Interaction) -> BarazaContext:
        """The webinar of the server an interaction came from; a polite refusal elsewhere."""
        ctx = self.get(interaction.guild_id)
        if ctx is None:
            raise NotAllowed("Baraza runs no webinar in this server.")
        return ctx


# -- people and roles -----------------------------------------------------------------------


#: how every Discord user's person key starts (:func:`person_key`)
PERSON_KEY_PREFIX = "discord:"


def person_key(user: discord.abc.User | int) -> str:
    """The stable key of a Discord user (or a bare user id) in the store."""
    return f"{PERSON_KEY_PREFIX}{user if isinstance(user, int) else user.id}"


def has_role(user: discord.abc.User, role_name: str) -> bool:
    """Whether ``user`` is a server member with a role called ``role_name``."""
    return isinstance(user, discord.Member) and any(r.name == role_name for r in user.roles)


def is_organiser(ctx: BarazaContext, user: discord.abc.User) -> bool:
    """Organisers run the event (``[discord] organiser_role``)."""
    return has_role(user, ctx.server.organiser_role)


def is_moderator(ctx: BarazaContext, user: discord.abc.User) -> bool:
    """Moderators run the queue (``[discord] moderator_role``); organisers may too."""
    return has_role(user, ctx.server.moderator_role) or is_organiser(ctx, user)


class NotAllowed(app_commands.CheckFailure):
    """The user lacks the role a command needs; the message is shown to them (ephemeral)."""


def moderator_refusal(ctx: BarazaContext) -> str:
    """The polite refusal for moderator-only actions."""
    return (
        f"Sorry, only people with the **{ctx.server.moderator_role}** role can do that. "
        "To take part, use `/ask` or give a 👍 to questions in the webinar chat."
    )


def require_moderator(ctx: BarazaContext, user: discord.abc.User) -> None:
    """Raise :class:`NotAllowed` unless ``user`` is a moderator (or organiser)."""
    if not is_moderator(ctx, user):
        log.info("refused moderator action to user %s", user.id)
        raise NotAllowed(moderator_refusal(ctx))


def require_organiser(ctx: BarazaContext, user: discord.abc.User) -> None:
    """Raise :class:`NotAllowed` unless ``user`` is an organiser."""
    if not is_organiser(ctx, user):
        log.info("refused organiser action to user %s", user.id)
        raise NotAllowed(
            f"Sorry, only people with the **{ctx.server.organiser_role}** role can do that."
        )


# -- text -----------------------------------------------------------------------------------


def safe_text(text: str, limit: int) -> str:
    """Participant text made inert (markdown and mentions escaped), on one line, ≤ ``limit``.

    Escaping adds characters, so the text is cut first and cut again until the escaped form fits.
    """
    if limit <= 0:
        return ""
    budget = limit
    while True:
        cut = shorten(text, budget)
        escaped = discord.utils.escape_mentions(discord.utils.escape_markdown(cut))
        if len(escaped) <= limit:
            return escaped
        if budget <= 1:
            return "…"[:limit]
        budget = max(1, budget - max(1, len(escaped) - limit))


def chat_message(message: discord.Message) -> ChatMessage:
    """A Discord chat message as Baraza's normalised :class:`ChatMessage`."""
    reference = message.reference
    reply_to = str(reference.message_id) if reference is not None and reference.message_id else None
    return ChatMessage(
        source=SOURCE,
        source_message_id=str(message.id),
        sent_at=message.created_at,
        author_name=message.author.display_name,
        text=message.content,
        author_key=person_key(message.author),
        reply_to_source_id=reply_to,
    )


# -- replies --------------------------------------------------------------------------------


async def reply(
    interaction: discord.Interaction,
    content: str | None = None,
    *,
    embed: discord.Embed | None = None,
    file: discord.File | None = None,
    ephemeral: bool = True,
) -> None:
    """Answer an interaction, mentioning nobody.

    After ``defer(thinking=True)`` the "thinking…" message itself becomes the answer; after a
    real answer, this is a follow-up.
    """
    kwargs: dict[str, Any] = {"allowed_mentions": NO_MENTIONS}
    if content is not None:
        kwargs["content"] = content[:2000]
    if embed is not None:
        kwargs["embed"] = embed
    response = interaction.response
    if response.is_done() and response.type is _DEFERRED:
        if file is not None:
            kwargs["attachments"] = [file]
        await interaction.edit_original_response(**kwargs)
        return
    if file is not None:
        kwargs["file"] = file
    if response.is_done():
        await interaction.followup.send(ephemeral=ephemeral, **kwargs)
    else:
        await response.send_message(ephemeral=ephemeral, **kwargs)


def user_message(error: BaseException) -> str | None:
    """The one-line message for an error a user caused (None: an unexpected failure)."""
    if isinstance(error, app_commands.CommandInvokeError):
        error = error.original
    if isinstance(error, NotAllowed):
        return str(error)
    if isinstance(error, BarazaError | InvalidTransition):
        text = str(error)
        return text[:1].upper() + text[1:] + ("" if text.endswith((".", "?", "!")) else ".")
    if isinstance(error, app_commands.CheckFailure):
        return "Sorry, you cannot use that command here."
    return None


async def answer_error(interaction: discord.Interaction, error: BaseException) -> None:
    """Tell the user what went wrong, ephemerally; log unexpected failures (ids only)."""
    message = user_message(error)
    if message is None:
        log.error(
            "interaction %s (%s) by user %s failed",
            interaction.id,
            getattr(interaction.command, "name", interaction.type.name),
            interaction.user.id,
            exc_info=error,
        )
        message = "Sorry, something went wrong. The organisers can find the details in the log."
    try:
        await reply(interaction, message)
    except discord.HTTPException:
        log.warning("could not send an error reply to interaction %s", interaction.id)


async def on_app_command_error(
    interaction: discord.Interaction, error: app_commands.AppCommandError
) -> None:
    """The tree's error handler: refusals and user errors become polite ephemeral replies."""
    await answer_error(interaction, error)
