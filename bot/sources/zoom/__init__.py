"""Zoom chat sources: saved chat files in every client format and language, and reports.

Formats are described in ``shared/reference/zoom-formats.md`` and in :mod:`._formats`:

* older clients: ``13:35:59<TAB> From  Name : text`` with continuation lines without prefix;
* newer clients: ``10:01:00 From  Name  to  Everyone:`` then the body on TAB-indented lines;
* 2025+ clients: ``2025-12-05 20:12:17 From Ana to Everyone:``, body, a blank TAB line;
* cloud recording: ``00:58:04<TAB>Alex:<TAB>Text`` with elapsed times;
* localised clients (``De  Ana  a  Jan(En privado) :``, ``開始 Ana 終了 皆様 :``, ``발신자 Ana 수신자
  모두에게:``...), and any consistent timestamped format, learnt from the file (:mod:`._infer`).

Modules: ``_decode`` (bytes to lines), ``_formats`` (header grammar), ``_infer`` (unknown formats),
``_parser`` (messages), ``_follow`` (a growing file), ``_reports`` (registration report).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from bot.sources.zoom._decode import decode_text, read_text_file
from bot.sources.zoom._follow import follow_chat_file
from bot.sources.zoom._formats import Who, split_who
from bot.sources.zoom._parser import (
    HEAD_BYTES,
    SOURCE,
    ZoomChatParser,
    chat_fingerprint,
    check_chat_head,
    iter_chat_file,
    iter_chat_lines,
    local_tz,
    parse_chat_text,
    read_chat_file,
)
from bot.sources.zoom._reports import (
    Registrant,
    parse_registration_report,
    read_registration_report,
)

__all__ = [
    "HEAD_BYTES",
    "SOURCE",
    "Registrant",
    "Who",
    "ZoomChatParser",
    "chat_fingerprint",
    "check_chat_head",
    "date_from_path",
    "decode_text",
    "event_name_from_path",
    "follow_chat_file",
    "iter_chat_file",
    "iter_chat_lines",
    "local_tz",
    "parse_chat_text",
    "parse_registration_report",
    "read_chat_file",
    "read_registration_report",
    "read_text_file",
    "split_who",
]

_FOLDER_DATE = re.compile(r"(?P<date>\d{4}-\d{2}-\d{2})[ _]\d{2}\.\d{2}\.\d{2}")


def date_from_path(path: Path) -> date | None:
    """The meeting date from Zoom's folder name ``YYYY-MM-DD HH.MM.SS Topic``, if present."""
    for part in (path.parent.name, path.name):
        match = _FOLDER_DATE.search(part)
        if match:
            try:
                return date.fromisoformat(match.group("date"))
            except ValueError:
                return None
    return None


def event_name_from_path(path: Path) -> str:
    """A default event name: the Zoom folder's topic, or the file name."""
    folder = path.resolve().parent.name
    match = re.match(r"^\d{4}-\d{2}-\d{2} \d{2}\.\d{2}\.\d{2} (?P<topic>.+)$", folder)
    if match:
        return f"{folder[:10]} {match.group('topic')}"
    return path.stem
