"""``baraza run``: the Discord bot, composed from config, store, classifier and service.

:func:`run` is what the CLI calls. Its building blocks are public so tests can run the real bot
against a fake Discord with a fake classifier:

* :func:`check_discord_config` validates ``[discord]`` before anything connects;
* :func:`open_bot` opens the service (store + classifier), the event of this run and a
  :class:`BarazaBot`, and closes them in the right order;
* :class:`BarazaBot` registers the cogs and persistent buttons and syncs the slash commands to
  the webinar's server in ``setup_hook``.

The token comes only from the environment (``DISCORD_TOKEN``). A missing or rejected token, a
server the bot is not in, or a configured channel that does not exist is a one-line
:class:`~bot.errors.BarazaError` (the CLI exits with code 2).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import signal
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import aiohttp
import discord
from discord.ext import commands

from bot import discord_support as support
from bot.app import open_service
from bot.classifier import ThemeClassifier
from bot.config import Config, Location
from bot.errors import BarazaError
from cogs import add_cogs
from cogs._common import NO_MENTIONS, BarazaContext, on_app_command_error
from cogs.intake import IntakeCog

log = logging.getLogger(__name__)

TOKEN_ENV = "DISCORD_TOKEN"


def bot_intents() -> discord.Intents:
    """Only what the bot needs: servers, messages (with content) and reactions; no members."""
    intents = discord.Intents.none()
    intents.guilds = True
    intents.guild_messages = True
    intents.message_content = True
    intents.guild_reactions = True
    return intents


def check_discord_config(config: Config) -> None:
    """The ``[discord]`` settings the bot cannot start without."""
    cfg = config.discord
    if cfg.guild_id <= 0:
        raise BarazaError(
            "discord.guild_id is not set: put the id of the webinar's server in the config"
        )
    if cfg.moderator_channel <= 0:
        raise BarazaError("discord.moderator_channel is not set: the channel for the live board")
    if not cfg.intake_channels or any(c <= 0 for c in cfg.intake_channels):
        raise BarazaError("discord.intake_channels is not set: the webinar chat channel ids")


def token_from_env() -> str:
    """The bot token from ``DISCORD_TOKEN`` (never from the config file)."""
    token = os.environ.get(TOKEN_ENV, "").strip()
    if not token:
        raise BarazaError(
            f"{TOKEN_ENV} is not set: put the bot token in the environment "
            "(the config file never holds secrets)"
        )
    return token


#: Question-length texts, so the warm-up runs the shapes live questions will (a one-word
#: warm-up left the first real questions 0.6-0.8 s slow).
WARM_UP_TEXTS = (
    "How will the ministry make sure that funding reaches local organisations directly?",
    "Comment la société civile peut-elle participer à l'évaluation de la politique?",
    "Je, serikali itahakikishaje kwamba watetezi wa haki za binadamu wanalindwa?",
)


async def warm_up(ctx: BarazaContext) -> float:
    """Load and run the theme classifier and language detector once, off the event loop,
    before the bot takes messages (setup_hook runs before the gateway connects); seconds taken.
    """
    log.info("warming up the theme classifier")
    start = time.perf_counter()
    await ctx.service.runner.analyse(list(WARM_UP_TEXTS))
    await asyncio.to_thread(ctx.service.languages.detect, WARM_UP_TEXTS[0])
    took = time.perf_counter() - start
    log.info("classifier warm-up took %.2f s", took)
    return took


class BarazaBot(commands.Bot):
    """The Discord bot: cogs and persistent buttons over one service and one event."""

    def __init__(self, ctx: BarazaContext, **client_kwargs: Any) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=bot_intents(),
            help_command=None,
            allowed_mentions=NO_MENTIONS,
            **client_kwargs,
        )
        self.ctx = ctx
        self.startup_error: str | None = None
        self._checked = False

    async def setup_hook(self) -> None:
        """Register cogs and buttons, sync slash commands to the server, warm the classifier."""
        self.tree.error(on_app_command_error)
        await add_cogs(self, self.ctx)
        guild = discord.Object(id=self.ctx.guild_id)
        try:
            synced = await self.tree.sync(guild=guild)
        except discord.Forbidden:
            raise BarazaError(
                f"Discord refused the slash commands for server {self.ctx.guild_id}: check "
                "discord.guild_id and invite the bot with the applications.commands scope"
            ) from None
        log.info("synced %d commands to server %s", len(synced), self.ctx.guild_id)
        await warm_up(self.ctx)

    async def on_message(self, message: discord.Message, /) -> None:
        """No prefix commands: chat messages are handled by the intake cog's listener."""

    async def on_ready(self) -> None:
        """Check once that the configured server and channels exist (stop if they do not),
        then read back what the chat got while the bot was away.

        READY comes after a fresh login: at start-up, and after a reconnect that could not
        resume (a resumed session replays the missed events itself).
        """
        if self._checked:
            log.info("reconnected to Discord as %s", self.user.id if self.user else "?")
        else:
            self._checked = True
            problem = self._config_problem()
            if problem is not None:
                self.startup_error = problem
                await self.close()
                return
            log.info(
                "ready as %s in server %s, event %s",
                self.user.id if self.user else "?",
                self.ctx.guild_id,
                self.ctx.event_id,
            )
        intake = self.get_cog("Intake")
        if isinstance(intake, IntakeCog):
            await intake.catch_up()

    def _config_problem(self) -> str | None:
        cfg = self.ctx.config.discord
        guild = self.get_guild(cfg.guild_id)
        if guild is None:
            return f"the bot is not in server {cfg.guild_id} (discord.guild_id): invite it first"
        for key, ids in (
            ("discord.moderator_channel", [cfg.moderator_channel]),
            ("discord.intake_channels", cfg.intake_channels),
        ):
            for channel_id in ids:
                if not isinstance(guild.get_channel(channel_id), discord.TextChannel):
                    return f"{key}: {channel_id} is not a text channel in server {guild.id}"
        return None


@asynccontextmanager
async def open_bot(
    config: Config,
    db_path: Location,
    *,
    classifier: ThemeClassifier | None = None,
    **client_kwargs: Any,
) -> AsyncIterator[BarazaBot]:
    """Service, event and bot for one run; the bot is closed before the store.

    ``classifier`` replaces the encoder (tests pass a fake); ``client_kwargs`` go to
    ``commands.Bot`` (tests pass faster start-up settings).
    """
    check_discord_config(config)
    async with open_service(config, db_path, classifier) as service:
        name = support.event_name(config, config.discord.guild_id, service.clock().date())
        event = await service.events.open(name, "discord")
        ctx = BarazaContext(service, config, event.id, event.name)
        bot = BarazaBot(ctx, **client_kwargs)
        try:
            yield bot
        finally:
            if not bot.is_closed():
                await bot.close()


async def start(bot: BarazaBot, token: str) -> None:
    """Run the bot until it is closed (SIGINT/SIGTERM close it gracefully)."""
    loop = asyncio.get_running_loop()
    installed = []
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(sig, lambda: asyncio.ensure_future(bot.close()))
            installed.append(sig)
    try:
        await bot.start(token)
    except discord.LoginFailure:
        raise BarazaError(
            f"Discord rejected the bot token in {TOKEN_ENV} (401 Unauthorized): "
            "copy it again from the developer portal"
        ) from None
    except discord.PrivilegedIntentsRequired:
        raise BarazaError(
            "Discord refused the Message Content intent: switch it on for the bot in the "
            "developer portal (Bot → Privileged Gateway Intents)"
        ) from None
    except discord.ConnectionClosed as exc:
        if exc.code == 4004:
            raise BarazaError(f"Discord rejected the bot token in {TOKEN_ENV}") from None
        raise BarazaError(f"Discord closed the connection (code {exc.code})") from None
    except (aiohttp.ClientConnectionError, discord.GatewayNotFound, OSError) as exc:
        raise BarazaError(f"cannot reach Discord: {exc}") from None
    finally:
        for sig in installed:
            loop.remove_signal_handler(sig)
    if bot.startup_error:
        raise BarazaError(bot.startup_error)


async def run(
    config: Config,
    db_path: Location,
    *,
    classifier: ThemeClassifier | None = None,
    **client_kwargs: Any,
) -> int:
    """``baraza run``: the Discord bot until interrupted; 0 on a clean shutdown."""
    token = token_from_env()
    async with open_bot(config, db_path, classifier=classifier, **client_kwargs) as bot:
        await start(bot, token)
    log.info("Discord bot stopped")
    return 0
