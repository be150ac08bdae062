"""``baraza demo``: replay a bundled sample webinar through the whole pipeline.

The sample (``webinar_chat.txt`` in Zoom's newer saved-chat format, plus a registration report)
has Southern and Northern participants writing in six languages, Northerners upvoting each other
while Southern partners ask without votes, a cross-language duplicate, a repeated question, a
private message, logistics questions, spam with a link and an @everyone. Forty minutes of chat are
replayed in about forty seconds (``--speed 2`` halves that, ``--speed 0`` skips the pauses), with
the live terminal board; at the end the themed transcript is exported and its path printed.
Each run replaces the previous demo event, so the demo can be run again and again.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
from datetime import UTC, date, datetime, timedelta
from importlib import resources

from aiohttp import web
from rich.console import Console

from bot.app import open_service
from bot.config import Config, EventConfig, Location, replace
from bot.core.model import QuestionState
from bot.export.transcript import write_export
from bot.sources.zoom import parse_chat_text, parse_registration_report
from bot.usecases import Service

DEMO_EVENT = "Baraza demo: civil society partnerships dialogue"
DEMO_HOSTS = ["Moderator - Partos"]
COMPRESSION = 60.0  # one minute of webinar per second at --speed 1
#: The demo moderator glances at the board this often (webinar time), as a real one would.
GLANCE_EVERY = timedelta(minutes=5)
#: When the chat is over the moderator takes this many questions from the top of the board.
ANSWERED_AT_END = 5
#: ...and corrects one theme: core funding for small organisations is a funding-policy question.
RETAG = ("Na je, kutakuwa na ufadhili wa msingi", "policy")


def demo_files() -> tuple[str, str]:
    """The bundled chat file and registration report, as text."""
    folder = resources.files("bot.demo")
    chat = (folder / "webinar_chat.txt").read_text(encoding="utf-8")
    registrants = (folder / "registrants.csv").read_text(encoding="utf-8")
    return chat, registrants


async def run_demo(args: argparse.Namespace, config: Config, db_path: Location) -> int:
    """Replay the demo webinar; returns the exit code."""
    console = Console()
    chat, report = demo_files()
    config = replace(config, event=EventConfig(name=DEMO_EVENT, hosts=DEMO_HOSTS))
    messages = parse_chat_text(chat, date.today(), "demo chat")
    # Replay "as if now": the sample's last message lands at the current time, so ages read
    # naturally on the board and in `baraza queue` afterwards.
    shift = datetime.now(UTC) - messages[-1].sent_at
    messages = [dataclasses.replace(m, sent_at=m.sent_at + shift) for m in messages]
    registrants = parse_registration_report(report, "demo registration report")
    speed = max(0.0, float(args.speed))
    async with open_service(config, db_path) as service:
        old = await service.store.read.events.find(DEMO_EVENT)
        if old is not None:
            await service.events.delete(old.id)
        event = await service.events.open(DEMO_EVENT, "demo", date.today())
        await service.people.import_registrants(
            event.id,
            [
                (r.display_name, r.email, r.country, r.organisation, r.name_consent)
                for r in registrants
            ],
        )
        with console.status("Loading the multilingual theme classifier…"):
            name = await asyncio.to_thread(lambda: service.runner.classifier.name)
        console.print(f"Theme classifier: [bold]{name}[/bold]. Database: {db_path}")
        virtual = {"now": messages[0].sent_at}
        service.clock = lambda: virtual["now"]  # the board ages questions in webinar time

        from bot.boards.terminal import LiveBoard

        web = await _start_web(args, config, service, event.id, console)
        board = None
        if not args.no_board and web is None:
            board = LiveBoard(service, event.id, "demo webinar (replay)", 10, console, debounce=0.1)
            await board.start()
        try:
            previous: datetime | None = None
            glanced = messages[0].sent_at
            for message in messages:
                if previous is not None and speed > 0:
                    gap = (message.sent_at - previous).total_seconds() / COMPRESSION / speed
                    await asyncio.sleep(min(gap, 3.0))
                previous = message.sent_at
                virtual["now"] = message.sent_at
                await service.intake.ingest(event.id, [message])
                if message.sent_at - glanced >= GLANCE_EVERY:
                    glanced = message.sent_at
                    await service.queue.moderator_view(event.id, top=10)
                if board is not None:
                    board.footer = f"webinar time {message.sent_at:%H:%M:%S}; {message.author_name[:1]}… posted"
            await _moderate(service, event.id)
        finally:
            if board is not None:
                board.footer = "replay finished"
                await board.stop()
        entries = await service.queue.ranked(event.id, top=10)
        southern = sum(1 for e in entries if e.question.region.value == "south")
        logistics = await service.queue.logistics(event.id)
        held = await service.queue.held(event.id)
        counts = await service.store.read.messages.counts(event.id)
        doc = await service.exports.document(event.id)
        if web is not None:
            await _keep_serving(web, console)
    out_dir = config.export_folder()
    written = [
        write_export(doc, fmt, out_dir / f"baraza-demo-transcript.{fmt}", config.export.language)
        for fmt in ("docx", "html", "md", "json")
    ]
    console.print(
        f"{sum(counts.values())} chat messages kept ({counts.get('private', 0)} private, never "
        f"shown); top 10 holds {southern} Southern questions; {len(logistics)} logistics "
        f"questions; {len(held)} held for review (links, @everyone); the moderator answered "
        f"{ANSWERED_AT_END}."
    )
    console.print("Themed transcript for the ministry written to")
    for path in written:
        console.print(f"  {path}")
    console.print("Next: `baraza queue` shows the ranked list again, `baraza export` re-exports.")
    return 0


async def _moderate(service: Service, event_id: int) -> None:
    """The demo moderator's round of questions: take the top of the board, one at a time."""
    for question in await service.store.read.questions.all(event_id):
        if question.text.startswith(RETAG[0]):
            await service.moderation.retag(question.id, RETAG[1])
    for _ in range(ANSWERED_AT_END):
        top = await service.queue.moderator_view(event_id, top=10)
        if not top:
            break
        await service.moderation.set_state(top[0].question.id, QuestionState.ANSWERED)


async def _start_web(
    args: argparse.Namespace, config: Config, service: Service, event_id: int, console: Console
) -> web.AppRunner | None:
    """``--web``: the replay in the web console (links printed); None without ``--web``."""
    if not getattr(args, "web", False):
        return None
    from bot.serve import bound_port, console_links, start_console
    from bot.web.access import Access

    access = Access.from_env()
    host = args.host or config.web.host
    port = config.web.port if args.port is None else args.port
    runner, _ = await start_console(service, event_id, DEMO_EVENT, access, host, port)
    for line in console_links(host, bound_port(runner), access):
        console.print(line, markup=False, soft_wrap=True)
    return runner


async def _keep_serving(runner: web.AppRunner, console: Console) -> None:
    """After the replay the console stays open until Ctrl-C (or SIGTERM)."""
    from bot.serve import until_signal

    console.print("Replay finished; the console stays open. Ctrl-C stops it.")
    try:
        await until_signal()
    finally:
        await runner.cleanup()
