"""``baraza serve``: one process, one event: chat sources plus the web console.

Sources: ``--zoom-file`` follows a saved chat Zoom is writing, ``--zoom-webhook`` receives live
Zoom chat on ``POST /zoom/webhook``, and the Discord bot runs too when ``[discord]`` is set and
``DISCORD_TOKEN`` is in the environment. All of them feed one event, which the console shows.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import signal
import sys
from collections.abc import Coroutine
from datetime import date
from pathlib import Path
from typing import Any

from aiohttp import web

from bot.app import open_service
from bot.config import Config, Location
from bot.errors import BarazaError, InputError
from bot.usecases import Service
from bot.web.access import Access, check_listen
from bot.web.console import Console, build_app

log = logging.getLogger(__name__)

WEBHOOK_SECRET_ENV = "ZOOM_WEBHOOK_SECRET"


def console_links(host: str, port: int, access: Access) -> list[str]:
    """The lines ``baraza serve`` prints: where the console and the panel are, with their keys."""
    shown = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    base = f"http://{shown}:{port}"
    if access.open:
        return [f"Moderator console (no keys, this machine only): {base}/", f"Panel: {base}/panel"]
    return [
        f"Moderator console: {base}/?key={access.moderator_key}",
        f"Panel view (read-only): {base}/panel?key={access.panel_key}",
    ]


async def _event(service: Service, args: argparse.Namespace, config: Config) -> tuple[int, str]:
    from bot.sources.zoom import SOURCE, chat_fingerprint, date_from_path, event_name_from_path

    chat: Path | None = args.zoom_file
    named = args.event or config.event.name
    if chat is not None and not named:  # the same rule as import-zoom (README)
        opened = await service.events.open_chat(
            event_name_from_path(chat), SOURCE, chat_fingerprint(chat), date_from_path(chat)
        )
        return opened.event.id, opened.event.name
    day = (chat and date_from_path(chat)) or date.today()
    event = await service.events.open(named or f"Webinar {day:%Y-%m-%d}", "zoom", day)
    return event.id, event.name


async def start_console(
    service: Service,
    event_id: int,
    event_name: str,
    access: Access,
    host: str,
    port: int,
    *,
    webhook_secret: str | None = None,
) -> tuple[web.AppRunner, Console]:
    """The console listening on ``host:port`` (port 0: any free port); stop with ``cleanup()``."""
    check_listen(host, access)
    console = Console(
        service,
        event_id,
        event_name,
        access,
        webhook_secret=webhook_secret,
        panel_names=service.config.web.panel_names,
    )
    runner = web.AppRunner(build_app(console), access_log=None, shutdown_timeout=2.0)
    await runner.setup()
    try:
        await web.TCPSite(runner, host, port).start()
    except OSError as exc:
        await runner.cleanup()
        raise BarazaError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    return runner, console


def bound_port(runner: web.AppRunner) -> int:
    """The port the console actually listens on."""
    for address in runner.addresses:
        if isinstance(address, tuple):
            return int(address[1])
    raise BarazaError("the console is not listening")


async def _follow(service: Service, event_id: int, chat: Path, config: Config) -> None:
    from bot.sources.zoom import SOURCE, follow_chat_file

    day = await service.store.read.events.event_date(event_id)
    remembered = False
    async for batch in follow_chat_file(chat, day, tz=config.chat_timezone()):
        if not remembered:  # the chat's first message names it (kept if the event has one)
            await service.events.remember_chat(event_id, SOURCE, batch[0].source_message_id)
            remembered = True
        await service.intake.ingest(event_id, batch)


async def _discord(service: Service, config: Config, event_id: int, name: str) -> None:
    from bot.discord_runner import (
        check_discord_config,
        make_bot,
        open_servers,
        start,
        token_from_env,
    )

    check_discord_config(config)
    servers = await open_servers(service, config, event=(event_id, name))
    bot = make_bot(servers, config)
    try:
        await start(bot, token_from_env())
    finally:
        if not bot.is_closed():
            await bot.close()


async def serve(args: argparse.Namespace, config: Config, db_path: Location) -> int:
    """``baraza serve``: sources and console until interrupted."""
    host = args.host or config.web.host
    port = config.web.port if args.port is None else args.port
    access = Access.from_env(open_access=args.no_keys)
    check_listen(host, access)
    secret = os.environ.get(WEBHOOK_SECRET_ENV) if args.zoom_webhook else None
    if args.zoom_webhook and not secret:
        raise BarazaError(
            f"--zoom-webhook needs the Zoom app's secret token in {WEBHOOK_SECRET_ENV}"
        )
    if args.zoom_file is not None and args.zoom_file.is_dir():
        raise InputError(f"chat file is a folder: {args.zoom_file}")
    async with open_service(config, db_path) as service:
        event_id, name = await _event(service, args, config)
        if args.registrants:
            from bot.registrations import import_registrants
            from bot.sources.zoom import read_registration_report

            await import_registrants(service, event_id, read_registration_report(args.registrants))
        runner, _ = await start_console(
            service, event_id, name, access, host, port, webhook_secret=secret
        )
        print(f"Baraza serves event {event_id} '{name}'.")
        for line in console_links(host, bound_port(runner), access):
            print(line)
        if secret:
            print("Zoom webhook endpoint: POST /zoom/webhook (expose it over HTTPS, see README)")
        sys.stdout.flush()
        jobs: list[Coroutine[Any, Any, None]] = [until_signal()]
        if args.zoom_file is not None:
            jobs.append(_follow(service, event_id, args.zoom_file, config))
        if config.discord.guild_id or config.discord.servers:
            jobs.append(_discord(service, config, event_id, name))
        tasks = [asyncio.create_task(job) for job in jobs]
        try:
            done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                task.result()  # a source's error ends the run with its message
        finally:
            for task in tasks:
                task.cancel()
            for task in tasks:
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task
            await runner.cleanup()
    return 0


async def until_signal() -> None:
    """Return on SIGINT or SIGTERM."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
            loop.add_signal_handler(sig, stop.set)
    await stop.wait()
