"""The themed transcript for the ministry: JSON, Markdown and CSV.

What goes in: every public chat message in time order (questions, logistics, chatter), each
question with its theme, theme scores, state, votes and region; a summary per theme and region.
What never goes in: private/direct messages (filtered in the store's SQL), deleted messages,
reactions as separate lines (they are counted as votes), and, unless the organiser sets
``[export] include_names = true``, names, emails and organisations: people appear as
"Participant 7" with their country and region, numbered in order of first appearance.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from bot.core.model import THEMES, Event
from bot.store import TranscriptRow

FORMATS = ("json", "md", "csv")
THEME_TITLES = {
    "policy": "Policy discussion",
    "civic": "Civic power",
    "system": "System change",
    "other": "Other questions",
}


def build_transcript(
    event: Event, rows: Sequence[TranscriptRow], *, include_names: bool = False
) -> dict[str, object]:
    """The export as one JSON-ready document."""
    pseudonyms: dict[int, str] = {}

    def who(row: TranscriptRow) -> str:
        if include_names:
            return row.author
        if row.participant_id not in pseudonyms:
            pseudonyms[row.participant_id] = f"Participant {len(pseudonyms) + 1}"
        return pseudonyms[row.participant_id]

    messages = []
    for row in rows:
        if row.kind == "reaction":
            continue
        entry: dict[str, object] = {
            "time": row.sent_at.isoformat(),
            "speaker": who(row),
            "country": row.country,
            "region": row.region.value,
            "language": row.language,
            "kind": row.kind,
            "text": row.text,
        }
        if include_names and row.organisation:
            entry["organisation"] = row.organisation
        if row.question_id is not None:
            entry.update(
                question_id=row.question_id,
                theme=row.theme,
                theme_scores={t: round(row.theme_scores.get(t, 0.0), 4) for t in THEMES},
                state=row.state,
                votes=row.votes,
                merged_into=row.merged_into,
                reply_to=row.reply_to,
            )
        messages.append(entry)
    questions = [m for m in messages if m["kind"] == "question"]
    by_theme = Counter(str(q["theme"]) for q in questions if q.get("state") != "merged")
    by_region = Counter(str(q["region"]) for q in questions if q.get("state") != "merged")
    return {
        "event": {"id": event.id, "name": event.name},
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "names_included": include_names,
        "summary": {
            "messages": len(messages),
            "questions": len(questions),
            "questions_by_theme": {t: by_theme.get(t, 0) for t in THEMES},
            "questions_by_region": dict(sorted(by_region.items())),
            "logistics": sum(1 for m in messages if m["kind"] == "logistics"),
        },
        "messages": messages,
    }


def to_json(doc: dict[str, object]) -> str:
    """The export as pretty JSON."""
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")


def _md_escape(text: str) -> str:
    """Participant text as inert Markdown: no links, images, headings, HTML or tables."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _csv_cell(value: object) -> object:
    """Defuse spreadsheet formulas (=, +, -, @ at the start of a cell) in participant text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def to_markdown(doc: dict[str, object]) -> str:
    """The export as a readable Markdown report: questions by theme, then the full chat."""
    event = doc["event"]
    assert isinstance(event, dict)
    summary = doc["summary"]
    assert isinstance(summary, dict)
    messages = doc["messages"]
    assert isinstance(messages, list)
    out = [f"# Themed transcript: {event['name']}", ""]
    out.append(
        f"{summary['questions']} audience questions, {summary['messages']} public chat messages. "
        "Private messages are not included."
        + ("" if doc["names_included"] else " Participants are shown by number, not by name.")
    )
    out.append("")
    out.append("| theme | questions |")
    out.append("|---|---|")
    for theme in THEMES:
        out.append(f"| {THEME_TITLES[theme]} | {summary['questions_by_theme'][theme]} |")
    out.append("")
    for theme in THEMES:
        qs = [
            m
            for m in messages
            if m["kind"] == "question" and m.get("theme") == theme and m.get("state") != "merged"
        ]
        out.append(f"## {THEME_TITLES[theme]} ({len(qs)})")
        out.append("")
        for q in sorted(qs, key=lambda m: (-int(m.get("votes", 0)), str(m["time"]))):
            where = f"{q['country'] or 'country unknown'}, {q['region']}"
            out.append(
                f"- {_md_escape(str(q['text']))}  \n  _{_md_escape(str(q['speaker']))} ({where}), {q['language']}, "
                f"{q['votes']} votes, {q['state']}_"
            )
        out.append("")
    out.append("## Full public chat")
    out.append("")
    for m in messages:
        clock = str(m["time"])[11:19]
        tag = f" [{m['theme']}]" if m["kind"] == "question" else f" [{m['kind']}]"
        out.append(f"- {clock} {_md_escape(str(m['speaker']))}{tag}: {_md_escape(str(m['text']))}")
    out.append("")
    return "\n".join(out)


def to_csv(doc: dict[str, object]) -> str:
    """One row per public message, spreadsheet-friendly."""
    messages = doc["messages"]
    assert isinstance(messages, list)
    buffer = io.StringIO()
    columns = [
        "time",
        "speaker",
        "country",
        "region",
        "language",
        "kind",
        "theme",
        "state",
        "votes",
        "text",
    ]
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for m in messages:
        writer.writerow({c: _csv_cell(m.get(c, "")) for c in columns})
    return buffer.getvalue()


def render(doc: dict[str, object], fmt: str) -> str:
    """The export in one of :data:`FORMATS`."""
    if fmt == "json":
        return to_json(doc)
    if fmt == "md":
        return to_markdown(doc)
    if fmt == "csv":
        return to_csv(doc)
    raise ValueError(f"unknown export format {fmt!r}")


def write_export(doc: dict[str, object], fmt: str, path: Path) -> Path:
    """Write the export atomically (temp file, then rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(render(doc, fmt), encoding="utf-8")
    tmp.replace(path)
    return path
