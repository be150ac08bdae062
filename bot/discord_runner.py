"""``baraza run``: the Discord bot, composed from config, store, classifier and service.

:func:`run` is what the CLI calls. Its building blocks are public so tests can run the real bot
against a fake Discord with a fake classifier:

* :func:`check_discord_config` validates ``[discord]`` before anything connects;
* :func:`open_bot` opens the service (store + classifier), one event per configured server
  (:func:`open_servers`) and a :class:`BarazaBot`, and closes them in the right order;
* :class:`BarazaBot` registers the cogs and persistent buttons and syncs the slash commands to
  every webinar's server in ``setup_hook``; :class:`ShardedBarazaBot` is the same bot on
  discord.py's ``AutoShardedBot``, used from ``SHARD_FROM_SERVERS`` servers on
  (``[discord] sharded``).

One process serves many servers with one service, so one classifier batches every event's
questions; the cogs route each Discord input by its server to that server's event.

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
from datetime import date
from typing import Any

import aiohttp
import discord
from discord.ext import commands

from bot import discord_support as support
from bot.app import open_service
from bot.classifier import ThemeClassifier
from bot.config import Config, DiscordServerConfig, Location
from bot.errors import BarazaError
from bot.tasks import stop_task
from bot.usecases import Service
from cogs import add_cogs
from cogs._common import NO_MENTIONS, BarazaContext, Servers, on_app_command_error
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
    """The ``[discord]`` settings the bot cannot start without (for every server)."""
    many = bool(config.discord.servers)
    for i, server in enumerate(config.discord.server_list()):
        key = f"discord.servers[{i}]." if many else "discord."
        if server.guild_id <= 0:
            raise BarazaError(
                f"{key}guild_id is not set: put the id of the webinar's server in the config"
            )
        if server.moderator_channel <= 0:
            raise BarazaError(f"{key}moderator_channel is not set: the channel for the live board")
        if not server.intake_channels or any(c <= 0 for c in server.intake_channels):
            raise BarazaError(f"{key}intake_channels is not set: the webinar chat channel ids")


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


async def warm_up(service: Service) -> float:
    """Load and run the theme classifier and language detector once, off the event loop,
    before the bot takes messages (setup_hook runs before the gateway connects); seconds taken.
    """
    log.info("warming up the theme classifier")
    start = time.perf_counter()
    await service.runner.analyse(list(WARM_UP_TEXTS))
    await asyncio.to_thread(service.languages.detect, WARM_UP_TEXTS[0])
    took = time.perf_counter() - start
    log.info("classifier warm-up took %.2f s", took)
    return took


class BarazaBot(commands.Bot):
    """The Discord bot: cogs and persistent buttons over one service, one event per server."""

    def __init__(self, servers: Servers, **client_kwargs: Any) -> None:
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=bot_intents(),
            help_command=None,
            allowed_mentions=NO_MENTIONS,
            **client_kwargs,
        )
        self.servers = servers
        self.startup_error: str | None = None
        self._checked = False
        self._catch_up: asyncio.Task[int] | None = None

    @property
    def ctx(self) -> BarazaContext:
        """The first server's webinar (the only one when ``[discord]`` names one server)."""
        return next(iter(self.servers))

    async def setup_hook(self) -> None:
        """Register cogs and buttons, sync slash commands to the servers, warm the classifier."""
        self.tree.error(on_app_command_error)
        await add_cogs(self, self.servers)
        for guild in self.servers.guild_objects():
            try:
                synced = await self.tree.sync(guild=guild)
            except discord.Forbidden:
                raise BarazaError(
                    f"Discord refused the slash commands for server {guild.id}: check "
                    "discord.guild_id and invite the bot with the applications.commands scope"
                ) from None
            log.info("synced %d commands to server %s", len(synced), guild.id)
        await warm_up(self.servers.service)

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
            for ctx in self.servers:
                log.info(
                    "ready as %s in server %s, event %s",
                    self.user.id if self.user else "?",
                    ctx.guild_id,
                    ctx.event_id,
                )
        intake = self.get_cog("Intake")
        if isinstance(intake, IntakeCog):
            # a task of its own, so that close() can stop it before the store closes (a
            # catch-up still reading history at shutdown wrote to a closed database)
            if self._catch_up is not None:  # a reconnect during a catch-up: start it over
                await stop_task(self._catch_up)
            self._catch_up = asyncio.create_task(intake.catch_up(), name="discord catch-up")
            await asyncio.shield(self._catch_up)

    async def close(self) -> None:
        """Stop a running catch-up first (its units of work end cleanly), then log out."""
        if self._catch_up is not None:
            await stop_task(self._catch_up)
        await super().close()

    def _config_problem(self) -> str | None:
        for ctx in self.servers:
            cfg = ctx.server
            guild = self.get_guild(cfg.guild_id)
            if guild is None:
                return (
                    f"the bot is not in server {cfg.guild_id} (discord.guild_id): invite it first"
                )
            for key, ids in (
                ("discord.moderator_channel", [cfg.moderator_channel]),
                ("discord.intake_channels", cfg.intake_channels),
            ):
                for channel_id in ids:
                    if not isinstance(guild.get_channel(channel_id), discord.TextChannel):
                        return f"{key}: {channel_id} is not a text channel in server {guild.id}"
        return None


class ShardedBarazaBot(BarazaBot, commands.AutoShardedBot):
    """The same bot on discord.py's AutoShardedBot: as many gateway shards as Discord
    recommends (required from 2,500 servers), one process, one service."""


def make_bot(servers: Servers, config: Config, **client_kwargs: Any) -> BarazaBot:
    """A :class:`ShardedBarazaBot` when ``[discord] sharded`` asks for it, else a plain one."""
    if config.discord.use_sharding():
        log.info("running sharded (AutoShardedBot) for %d servers", len(servers))
        return ShardedBarazaBot(servers, **client_kwargs)
    return BarazaBot(servers, **client_kwargs)


def _event_name(config: Config, server: DiscordServerConfig, today: date) -> str:
    if server.event.strip():
        return server.event.strip()
    if config.discord.servers:  # several webinars: [event] name would put them all in one
        return f"Discord webinar {server.guild_id} {today.isoformat()}"
    return support.event_name(config, server.guild_id, today)


async def open_servers(
    service: Service, config: Config, *, event: tuple[int, str] | None = None
) -> Servers:
    """One event per configured server (found or created by name); ``event`` (id, name) is the
    event of a single-server bot that ``baraza serve`` already opened."""
    contexts = []
    for server in config.discord.server_list():
        if event is not None and not config.discord.servers:
            event_id, name = event
        else:
            opened = await service.events.open(
                _event_name(config, server, service.clock().date()), "discord"
            )
            event_id, name = opened.id, opened.name
        contexts.append(BarazaContext(service, config, event_id, name, server))
    return Servers(contexts)


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
        bot = make_bot(await open_servers(service, config), config, **client_kwargs)
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
