"""The themed transcript for the ministry in every format: DOCX, HTML, Markdown, CSV and JSON.

:func:`bot.export.document.build_document` decides what is in the export (and what never is:
private messages, emails, names without consent); this module only renders that document.
DOCX and HTML are the reports a reader opens (charts embedded, self-contained); Markdown is the
same report as text; CSV and JSON carry one row per question with every field, for analysts
(JSON also holds the summary, the method note and the public chat).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path

from bot.core.model import THEMES
from bot.errors import BarazaError
from bot.export.report import Table, build_report

FORMATS = ("docx", "html", "md", "csv", "json")
Doc = Mapping[str, object]


def to_json(doc: Doc) -> str:
    """The whole document as pretty JSON."""
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


#: Characters that can open Markdown markup anywhere in a line: with ``[`` escaped no link or
#: image can form, with ``<`` no HTML or autolink, with ``|`` no table cell break, with ``#`` no
#: heading. ``.``, ``-``, ``+`` and ``(`` only matter at the start of a line, and every escaped
#: line here starts with text of our own.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#!|<>~])")


def _md_escape(text: str) -> str:
    """Text as inert Markdown on one line: no links, images, headings, HTML or table breaks."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _md_table(table: Table) -> list[str]:
    out = [f"**{_md_escape(table.caption)}**", ""]
    out.append("| " + " | ".join(_md_escape(h) for h in table.header) + " |")
    out.append("|" + "---|" * len(table.header))
    out.extend("| " + " | ".join(_md_escape(c) for c in row) + " |" for row in table.rows)
    out.append("")
    return out


def to_markdown(doc: Doc, lang: str = "en") -> str:
    """The report as Markdown: summary, one section per theme, method, public chat."""
    report = build_report(doc, lang)
    L = report.labels
    out = [f"# {_md_escape(report.title)}", ""]
    out.extend(f"- **{_md_escape(k)}**: {_md_escape(v)}" for k, v in report.meta)
    out += ["", f"## {_md_escape(L['summary'])}", ""]
    for table in report.summary:
        out.extend(_md_table(table))
    for section in report.sections:
        out += [f"## {_md_escape(section.title)}", ""]
        if section.empty:
            out += [f"_{_md_escape(section.empty)}_", ""]
        else:
            out.extend(_md_table(section.table))
    out += [f"## {_md_escape(report.method_title)}", ""]
    for paragraph in report.method:
        out += [_md_escape(paragraph), ""]
    out += [f"## {_md_escape(report.chat.caption)}", ""]
    out.extend(_md_table(report.chat))
    return "\n".join(out)


_CSV_COLUMNS = (
    "id",
    "time",
    "language",
    "asker",
    "named",
    "region",
    "entry_region",
    "country_code",
    "country",
    "organisation",
    "organisation_type",
    "theme",
    "model_theme",
    "confidence",
    *(f"score_{t}" for t in THEMES),
    "retags",
    "votes",
    "state",
    "answered",
    "answered_at",
    "merged_into",
    "merged",
    "reply_to",
    "seen_in_top10",
    "best_board_rank",
    "text",
)


def _csv_cell(value: object) -> object:
    """Defuse spreadsheet formulas (=, +, -, @ at the start of a cell) in participant text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def csv_row(q: Mapping[str, object]) -> dict[str, object]:
    """One question as a flat CSV row (lists joined with ``;``, scores as columns)."""
    scores = q["theme_scores"]
    assert isinstance(scores, dict)
    retags = q["retags"]
    merged = q["merged"]
    assert isinstance(retags, list) and isinstance(merged, list)
    row: dict[str, object] = {c: q.get(c) for c in _CSV_COLUMNS if c in q}
    row.update({f"score_{t}": scores.get(t) for t in THEMES})
    row["retags"] = "; ".join(f"{r['from']}->{r['to']} {r['at']}" for r in retags)
    row["merged"] = ";".join(str(m) for m in merged)
    return {k: "" if v is None else v for k, v in row.items()}


def to_csv(doc: Doc) -> str:
    """One row per question (duplicates included, pointing at their entry), every field."""
    questions = doc["questions"]
    assert isinstance(questions, list)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(_CSV_COLUMNS), extrasaction="ignore")
    writer.writeheader()
    for q in questions:
        writer.writerow({k: _csv_cell(v) for k, v in csv_row(q).items()})
    return buffer.getvalue()


def render(doc: Doc, fmt: str, lang: str = "en") -> bytes:
    """The export in one of :data:`FORMATS`, as the bytes of the file."""
    if fmt == "json":
        return to_json(doc).encode("utf-8")
    if fmt == "md":
        return to_markdown(doc, lang).encode("utf-8")
    if fmt == "csv":
        return to_csv(doc).encode("utf-8-sig")  # the BOM makes Excel read UTF-8
    if fmt == "html":
        from bot.export.html import render_html

        return render_html(doc, lang).encode("utf-8")
    if fmt == "docx":
        from bot.export.word import render_docx

        return render_docx(doc, lang)
    raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")


def export_target(path: Path) -> Path:
    """The file an export to ``path`` must replace: symlinks followed, anything else refused.

    A symlink is written through (its target is replaced, the link stays); a folder, a device,
    a FIFO or a socket is refused with one line, before anything is written.
    """
    target = Path(os.path.realpath(path))
    if target.exists() or target.is_symlink():
        mode = os.stat(target).st_mode if target.exists() else 0
        if stat.S_ISDIR(mode):
            raise BarazaError(f"cannot write the export to {path}: it is a folder")
        if not stat.S_ISREG(mode):
            raise BarazaError(
                f"cannot write the export to {path}: it is not a regular file (a device, FIFO,"
                " socket or dangling link)"
            )
    return target


def write_export(doc: Doc, fmt: str, path: Path, lang: str = "en") -> Path:
    """Write the export atomically: a temp file beside the target, then a rename over it.

    The temp file never outlives a failure. Returns the path written (``path`` itself).
    """
    data = render(doc, fmt, lang)
    target = export_target(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise BarazaError(f"cannot write the export to {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            os.chmod(tmp_name, stat.S_IMODE(os.stat(target).st_mode))
        else:
            os.chmod(tmp_name, 0o644)  # mkstemp makes 0600; an export is meant to be shared
        os.replace(tmp_name, target)
    except OSError as exc:
        raise BarazaError(f"cannot write the export to {path}: {exc.strerror or exc}") from None
    finally:
        if os.path.exists(tmp_name):
            os.unlink(tmp_name)
    return path
