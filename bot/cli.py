"""The ``baraza`` command line: the composition root of the application.

Every command takes ``--config PATH`` and ``--db PATH`` (or ``BARAZA_CONFIG`` / ``BARAZA_DB``).
Errors a user can cause print one line on stderr and exit with code 2.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sqlite3
import sys
from collections.abc import Callable, Coroutine, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from bot.config import Config, Location, load_config, resolve_config_path, resolve_database
from bot.errors import BarazaError

log = logging.getLogger("baraza")


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", metavar="PATH", help="TOML config file (env BARAZA_CONFIG)")
    parser.add_argument(
        "--db", metavar="PATH", help="SQLite file or postgresql:// URL (env BARAZA_DB)"
    )
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more logging")


def _parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command."""
    parser = argparse.ArgumentParser(
        prog="baraza",
        description="Webinar dialogue bot: a fair, themed question queue from the chat.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("import-zoom", help="import a saved Zoom chat file")
    p.add_argument("chat", type=Path, help="meeting_saved_chat.txt")
    p.add_argument("--registrants", type=Path, help="Zoom registration report (CSV)")
    p.add_argument("--event", help="event name (default: from the Zoom folder or file name)")
    p.add_argument("--date", type=_parse_date, help="meeting date if not in the folder name")
    _common(p)

    p = sub.add_parser("import-zoom-qa", help="import a Zoom webinar Q&A report (CSV)")
    p.add_argument("report", type=Path, help="the Q&A report from the Zoom web portal")
    p.add_argument("--registrants", type=Path, help="Zoom registration report (CSV)")
    p.add_argument("--event", help="event name (default: [event] name, or the report's name)")
    p.add_argument("--date", type=_parse_date, help="webinar date if the report has no times")
    _common(p)

    p = sub.add_parser("follow-zoom", help="follow a chat file Zoom is still writing, live board")
    p.add_argument("chat", type=Path)
    p.add_argument("--registrants", type=Path)
    p.add_argument("--event")
    p.add_argument("--date", type=_parse_date)
    p.add_argument("--top", type=int, default=None, help="questions on the board")
    p.add_argument("--no-board", action="store_true", help="print ingest counts instead")
    _common(p)

    p = sub.add_parser("queue", help="the moderator's ranked list")
    p.add_argument("--event", type=int, help="event id (default: the most recent)")
    p.add_argument("--top", type=int, default=None)
    p.add_argument("--json", action="store_true", help="JSON array, best first")
    _common(p)

    p = sub.add_parser("classify", help="theme of each line of text (JSON lines out)")
    p.add_argument("file", nargs="?", default="-", help="text file, or - for stdin")
    _common(p)

    p = sub.add_parser("export", help="themed transcript for the ministry")
    p.add_argument("--event", type=int, help="event id (default: the most recent)")
    p.add_argument(
        "--format",
        choices=("docx", "html", "md", "csv", "json"),
        default="docx",
        help="default docx",
    )
    p.add_argument("--out", type=Path, help="output file (default: in the exports folder)")
    p.add_argument(
        "--lang", choices=("en", "nl"), help="report labels (default: [export] language, en)"
    )
    p.add_argument(
        "--names",
        action="store_true",
        help="show names of participants who consented (personal data); others stay pseudonyms",
    )
    _common(p)

    p = sub.add_parser("forget", help="erase a participant's name, email and messages on request")
    p.add_argument("name", help="display name as it appears in the chat")
    p.add_argument("--event", type=int, help="event id (default: every event)")
    _common(p)

    p = sub.add_parser("db", help="database tools: copy between SQLite and PostgreSQL")
    db_sub = p.add_subparsers(dest="db_command", required=True, metavar="DB_COMMAND")
    c = db_sub.add_parser("copy", help="copy every event into a new, empty database")
    c.add_argument("--from", dest="source", required=True, help="SQLite path or postgresql:// URL")
    c.add_argument("--to", dest="target", required=True, help="SQLite path or postgresql:// URL")
    _common(c)

    p = sub.add_parser("events", help="list events")
    _common(p)

    p = sub.add_parser("run", help="run the Discord bot (token from env DISCORD_TOKEN)")
    _common(p)

    p = sub.add_parser("serve", help="one event live: chat sources plus the web console")
    p.add_argument("--zoom-file", type=Path, metavar="PATH", help="follow a saved Zoom chat")
    p.add_argument(
        "--zoom-webhook",
        action="store_true",
        help="receive live Zoom chat on POST /zoom/webhook (secret from env ZOOM_WEBHOOK_SECRET)",
    )
    p.add_argument("--registrants", type=Path, help="Zoom registration report (CSV)")
    p.add_argument("--event", help="event name (default: [event] name, or the chat file's)")
    p.add_argument("--host", help="listen address (default: [web] host, 127.0.0.1)")
    p.add_argument("--port", type=int, help="port (default: [web] port, 8080; 0 = any free)")
    p.add_argument(
        "--no-keys", action="store_true", help="no access keys (refused beyond 127.0.0.1)"
    )
    _common(p)

    p = sub.add_parser("demo", help="replay a bundled sample webinar through the whole pipeline")
    p.add_argument("--speed", type=float, default=1.0, help="2 = twice as fast, 0 = no pauses")
    p.add_argument("--no-board", action="store_true", help="no live board, just the result")
    p.add_argument("--web", action="store_true", help="show the replay in the web console")
    p.add_argument("--host", help="console address with --web (default: [web] host)")
    p.add_argument("--port", type=int, help="console port with --web (default: [web] port)")
    _common(p)

    p = sub.add_parser("train", help="train the theme classifier heads (deterministic)")
    _common(p)
    p = sub.add_parser("evaluate", help="evaluate the classifier on held-out data")
    p.add_argument("--write-card", action="store_true", help="update models/MODEL_CARD.md")
    _common(p)

    return parser


def _setup_logging(verbose: int) -> None:
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(
        level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )
    # langdetect and transformers are chatty at INFO
    for noisy in ("transformers", "urllib3", "discord.gateway", "aiosqlite"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))


Handler = Callable[[argparse.Namespace, Config, Location], Coroutine[Any, Any, int]]


def _handlers() -> dict[str, Handler]:
    from bot import commands

    return {
        "import-zoom": commands.import_zoom,
        "import-zoom-qa": commands.import_zoom_qa,
        "follow-zoom": commands.follow_zoom,
        "queue": commands.queue,
        "classify": commands.classify,
        "export": commands.export,
        "events": commands.events,
        "db": commands.db,
        "forget": commands.forget,
        "demo": commands.demo,
        "train": commands.train,
        "evaluate": commands.evaluate,
        "run": commands.run_discord,
        "serve": commands.serve,
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``baraza`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    _setup_logging(args.verbose)
    try:
        config = load_config(resolve_config_path(args.config))
        db_path = resolve_database(args.db, config)
        return asyncio.run(_handlers()[args.command](args, config, db_path))
    except BarazaError as exc:
        print(f"baraza: error: {exc}", file=sys.stderr)
        return 2
    except sqlite3.Error as exc:  # the database failed under us (disk full, read-only mount...)
        print(f"baraza: error: the database failed: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("baraza: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
