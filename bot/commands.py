"""The ``baraza`` sub-commands. Each validates its input files before anything slow starts."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

from bot.app import open_service
from bot.boards.terminal import LiveBoard, render_board
from bot.config import Config, Location
from bot.core.model import ChatMessage
from bot.errors import BarazaError, InputError
from bot.export.transcript import export_target, write_export
from bot.registrations import import_registrants
from bot.sources.zoom import (
    HEAD_BYTES,
    chat_fingerprint,
    check_chat_head,
    date_from_path,
    decode_text,
    event_name_from_path,
    follow_chat_file,
    iter_chat_file,
    read_registration_report,
    read_text_file,
)
from bot.sources.zoom import SOURCE as ZOOM_SOURCE
from bot.usecases import IngestResult, Service

IMPORT_BATCH = 200  # messages per unit of work when importing a file


def print_json(value: object) -> None:
    """Print JSON (UTF-8, not ASCII-escaped)."""
    print(json.dumps(value, ensure_ascii=False, indent=2))


def _summary(result: IngestResult, event_id: int, name: str) -> str:
    return (
        f"Event {event_id} '{name}': {result.new} new messages ({result.already_known} already "
        f"imported); {result.questions} questions queued, {result.merged} merged as duplicates, "
        f"{result.held} held for review, {result.logistics} logistics, {result.chatter} chatter, "
        f"{result.private} private (kept out of queue and export); "
        f"{result.votes_added} votes added, {result.votes_removed} taken back."
    )


async def ingest_in_batches(
    service: Service, event_id: int, messages: Sequence[ChatMessage]
) -> IngestResult:
    """Ingest a long list in transactions of :data:`IMPORT_BATCH` messages each."""
    total = IngestResult()
    for start in range(0, len(messages), IMPORT_BATCH):
        total.add(await service.intake.ingest(event_id, messages[start : start + IMPORT_BATCH]))
    return total


async def _open_zoom_event(
    service: Service, args: argparse.Namespace, config: Config, chat: Path
) -> tuple[int, str, date]:
    name = args.event or config.event.name or event_name_from_path(chat)
    wanted = args.date or date_from_path(chat) or datetime.now().date()
    event = await service.events.open(name, "zoom", wanted)
    return event.id, event.name, await service.store.read.events.event_date(event.id)


async def _open_chat_event(
    service: Service, args: argparse.Namespace, config: Config, fingerprint: str | None
) -> tuple[int, str, date]:
    """The event a saved chat goes into: ``--event``/``[event] name``, else from the folder, the
    date and the chat's first message (README: "Which event a chat goes into")."""
    named = args.event or config.event.name
    opened = await service.events.open_chat(
        named or event_name_from_path(args.chat),
        ZOOM_SOURCE,
        fingerprint,
        args.date or date_from_path(args.chat),
        named=bool(named),
    )
    if opened.note:
        print(f"baraza: note: {opened.note}", file=sys.stderr)
    event = opened.event
    return event.id, event.name, await service.store.read.events.event_date(event.id)


async def import_zoom(args: argparse.Namespace, config: Config, db_path: Location) -> int:
    """``baraza import-zoom CHAT.txt [--registrants REPORT.csv] [--event NAME]``.

    The file is checked from its first part before an event is opened (an empty, binary or
    non-chat file is one clear line and no event), then decoded and parsed once, streamed in
    batches with a progress bar, so a 50 MB chat needs little memory.
    """
    fingerprint = check_chat_head(args.chat)  # fail fast on an empty or malformed file
    if fingerprint is None and args.chat.stat().st_size <= HEAD_BYTES:
        # Only a header whose text has not come yet, or a first message still being written:
        # nothing whole to store, so no event either (follow-zoom waits for it instead). A
        # bigger file may hold a first message longer than the head: the full read decides.
        raise InputError(
            f"{args.chat} holds no complete chat message yet (its only message is unfinished: "
            "Zoom is still writing it, or the file was cut); import it again once Zoom has "
            "saved it, or follow it live with 'baraza follow-zoom'"
        )
    registrants = read_registration_report(args.registrants) if args.registrants else []
    async with open_service(config, db_path) as service:
        event_id, name, event_date = await _open_chat_event(service, args, config, fingerprint)
        if registrants:
            await import_registrants(service, event_id, registrants)
        result = IngestResult()
        size = args.chat.stat().st_size
        with Progress(
            TextColumn("importing"),
            BarColumn(),
            DownloadColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
            disable=not sys.stderr.isatty(),
        ) as progress:
            task = progress.add_task("import", total=size)
            for batch in iter_chat_file(
                args.chat,
                event_date,
                config.chat_timezone(),
                batch=IMPORT_BATCH,
                progress=lambda done: progress.update(task, completed=done),
            ):
                result.add(await service.intake.ingest(event_id, batch), ids=False)
        print(_summary(result, event_id, name))
    return 0


async def follow_zoom(args: argparse.Namespace, config: Config, db_path: Location) -> int:
    """``baraza follow-zoom CHAT.txt``: tail a chat file Zoom is writing, with a live board."""
    if not args.chat.exists():
        raise InputError(f"chat file not found: {args.chat}")
    if not args.chat.is_file():
        raise InputError(f"the chat file {args.chat} is a folder or not a regular file")
    try:
        with args.chat.open("rb"):
            pass
    except OSError as exc:
        raise InputError(f"cannot read the chat file {args.chat}: {exc.strerror}") from None
    registrants = read_registration_report(args.registrants) if args.registrants else []
    fingerprint = chat_fingerprint(args.chat)
    top = args.top or config.board.top
    console = Console()
    async with open_service(config, db_path) as service:
        event_id, name, event_date = await _open_chat_event(service, args, config, fingerprint)
        if registrants:
            await import_registrants(service, event_id, registrants)
        board = None if args.no_board else LiveBoard(service, event_id, name, top, console)
        if board:
            await board.start()
        try:
            async for batch in follow_chat_file(args.chat, event_date, tz=config.chat_timezone()):
                if fingerprint is None:  # the file was empty: its first message names the chat
                    fingerprint = batch[0].source_message_id
                    await service.events.remember_chat(event_id, ZOOM_SOURCE, fingerprint)
                result = await service.intake.ingest(event_id, batch)
                if board is None:
                    print(_summary(result, event_id, name), flush=True)
        finally:
            if board:
                await board.stop()
    return 0


async def queue(args: argparse.Namespace, config: Config, db_path: Location) -> int:
    """``baraza queue [--event ID] [--top N] [--json]``: the moderator's ranked list."""
    if args.top is not None and args.top < 1:
        raise BarazaError("--top must be at least 1")
    async with open_service(config, db_path) as service:
        event = await service.events.get(args.event)
        entries = await service.queue.moderator_view(event.id, top=args.top)
        settings = await service.queue.ranking_settings(event.id)
        if args.json:
            print_json([e.as_json() for e in entries])
            return 0
        console = Console()
        console.print(
            render_board(entries, settings, title=f"Baraza: {event.name} (event {event.id})")
        )
        logistics = await service.queue.logistics(event.id)
        held = await service.queue.held(event.id)
        if logistics or held:
            console.print(f"{len(logistics)} logistics questions, {len(held)} held for review.")
    return 0


async def classify(args: argparse.Namespace, config: Config, db_path: Location) -> int:
    """``baraza classify [FILE|-]``: one text per line in, one JSON object per line out."""
    if args.file == "-":
        text = decode_text(sys.stdin.buffer.read(), "standard input", "text")
    else:
        text = read_text_file(Path(args.file), "text file")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    from bot.app import load_theme_classifier
    from bot.classify_runner import ClassifierRunner
    from bot.language import LanguageDetector

    runner = ClassifierRunner(
        load_theme_classifier(config), batch_size=config.classifier.batch_size
    )
    detector = LanguageDetector()
    analyses = await runner.analyse(lines)
    from bot.classifier import top_theme

    for line, analysis in zip(lines, analyses, strict=True):
        scores = {k: round(float(v), 4) for k, v in analysis.scores.items()}
        record = {
            "text": line,
            "theme": top_theme(analysis.scores),
            "scores": scores,
            "language": detector.detect(line),
        }
        print(json.dumps(record, ensure_ascii=False))
    return 0


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()[:60] or "event"


async def export(args: argparse.Namespace, config: Config, db_path: Location) -> int:
    """``baraza export [--event ID] [--format docx|html|md|csv|json] [--out PATH] [--lang en|nl] [--names]``."""
    if args.out:
        export_target(Path(args.out))  # a folder, device or FIFO: refused before any work
    async with open_service(config, db_path) as service:
        event = await service.events.get(args.event)
        doc = await service.exports.document(event.id, include_names=True if args.names else None)
    out = args.out or config.export_folder() / (
        f"{_slug(event.name)}-{datetime.now():%Y%m%d-%H%M%S}.{args.format}"
    )
    path = write_export(doc, args.format, Path(out), args.lang or config.export.language)
    print(f"Export written to {path}")
    return 0


async def forget(args: argparse.Namespace, config: Config, db_path: Location) -> int:
    """``baraza forget NAME [--event ID]``: erase one person's data (a right-to-be-forgotten request)."""
    async with open_service(config, db_path) as service:
        event_ids = (
            [args.event] if args.event else [e.id for e in await service.store.read.events.all()]
        )
        erased = mentions = 0
        for event_id in event_ids:
            result = await service.privacy.forget(event_id, args.name)
            erased += result.erased
            mentions += result.mentions
    if not erased and not mentions:
        raise BarazaError(f"no participant or registrant called {args.name!r}")
    if not erased:  # forgotten before: what others wrote since is rewritten
        print(f"No person record left to erase; {mentions} mention(s) rewritten to [name].")
        return 0
    print(
        f"Erased {erased} person record(s): name, email, organisation, registration, votes and"
        f" message texts; {mentions} mention(s) in other messages rewritten to [name]."
    )
    return 0


async def db(args: argparse.Namespace, config: Config, db_path: Location) -> int:
    """``baraza db copy --from A --to B``: everything, verified by counts."""
    from bot.config import as_location
    from bot.store import open_store
    from bot.store.copy import copy_database

    source = await open_store(as_location(args.source))
    try:
        target = await open_store(as_location(args.target))
        try:
            copied = await copy_database(source, target)
        finally:
            await target.close()
    finally:
        await source.close()
    rows = ", ".join(f"{n} {table}" for table, n in copied.items() if n)
    print(f"Copied {source.location} to {target.location}: {rows or 'nothing (empty)'}.")
    return 0


async def events(args: argparse.Namespace, config: Config, db_path: Location) -> int:
    """``baraza events``: list events in the database."""
    async with open_service(config, db_path) as service:
        for event in await service.store.read.events.all():
            print(f"{event.id}\t{event.created_at:%Y-%m-%d %H:%M}\t{event.source}\t{event.name}")
    return 0


async def demo(args: argparse.Namespace, config: Config, db_path: Location) -> int:
    """``baraza demo``: replay the bundled sample webinar (see :mod:`bot.demo`)."""
    from bot.demo.replay import run_demo

    return await run_demo(args, config, db_path)


async def train(args: argparse.Namespace, config: Config, db_path: Location) -> int:
    """``baraza train``: train the classifier heads on the bundled corpus (deterministic)."""
    from models.train import train_all

    report = train_all(source=config.classifier.source, cache_dir=config.encoder_cache())
    print(json.dumps(report, indent=2, default=str))
    return 0


async def evaluate(args: argparse.Namespace, config: Config, db_path: Location) -> int:
    """``baraza evaluate``: held-out and leave-one-language-out scores."""
    from models.train import evaluate_all, format_report, write_model_card

    report = evaluate_all(source=config.classifier.source, cache_dir=config.encoder_cache())
    print(format_report(report))
    if args.write_card:
        write_model_card(report)
    return 0


async def run_discord(args: argparse.Namespace, config: Config, db_path: Location) -> int:
    """``baraza run``: the Discord bot (see :mod:`bot.discord_runner`)."""
    from bot.discord_runner import run

    return await run(config, db_path)


async def serve(args: argparse.Namespace, config: Config, db_path: Location) -> int:
    """``baraza serve``: chat sources and the web console (see :mod:`bot.serve`)."""
    from bot.serve import serve as run_serve

    return await run_serve(args, config, db_path)


async def import_zoom_qa(args: argparse.Namespace, config: Config, db_path: Location) -> int:
    """``baraza import-zoom-qa REPORT.csv``: the webinar's Q&A panel into the event."""
    from bot.core.model import QuestionState
    from bot.sources.zoom_qa import SOURCE, parse_qa_report

    text = read_text_file(args.report, "Q&A report")
    parse_qa_report(text, date.today(), where=str(args.report))  # fail fast on a malformed file
    registrants = read_registration_report(args.registrants) if args.registrants else []
    async with open_service(config, db_path) as service:
        event_id, name, event_date = await _open_zoom_event(service, args, config, args.report)
        if registrants:
            await import_registrants(service, event_id, registrants)
        entries = parse_qa_report(text, event_date, config.chat_timezone(), str(args.report))
        result = await ingest_in_batches(service, event_id, [e.question for e in entries])
        result.add(
            await ingest_in_batches(service, event_id, [a for e in entries for a in e.answers])
        )
        marked = 0
        for entry in entries:
            ref = await service.store.read.messages.by_source_id(
                event_id, SOURCE, entry.question.source_message_id
            )
            if ref is None or ref.question_id is None:
                continue
            if entry.upvotes:
                await service.moderation.record_report_votes(ref.question_id, entry.upvotes)
            if not entry.answered:
                continue
            question = await service.queue.question(ref.question_id)
            if question.state in (QuestionState.QUEUED, QuestionState.HELD):
                await service.moderation.set_state(question.id, QuestionState.ANSWERED)
                marked += 1
        print(_summary(result, event_id, name))
        upvotes = sum(e.upvotes for e in entries)
        print(
            f"Q&A report: {len(entries)} questions ({sum(e.anonymous for e in entries)} anonymous),"
            f" {marked} marked answered; {upvotes} upvotes counted as votes (anonymous: the"
            " report does not say who voted)."
        )
    return 0
