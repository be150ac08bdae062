"""The human-readable report as plain rows and paragraphs, shared by Markdown, HTML and DOCX.

Renderers only lay these out; what a reader sees is decided here once, in the chosen language.
All text is plain (participant text is escaped by each renderer for its own format).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.core.model import THEMES
from bot.export.document import entries_by_theme, question_index
from bot.export.labels import labels

Doc = Mapping[str, object]


@dataclass(frozen=True)
class Table:
    """A captioned table of plain strings."""

    caption: str
    header: list[str]
    rows: list[list[str]]


@dataclass(frozen=True)
class ThemeSection:
    """One theme's heading, its questions as table rows, and a line when there are none."""

    theme: str
    title: str
    table: Table
    empty: str = ""


@dataclass(frozen=True)
class Report:
    """Everything a readable export shows, in reading order."""

    lang: str
    title: str
    event_name: str
    meta: list[tuple[str, str]]
    summary: list[Table]
    sections: list[ThemeSection]
    method_title: str
    method: list[str]
    chat: Table
    labels: Mapping[str, str] = field(repr=False, default_factory=dict)


def _d(doc: Doc, key: str) -> dict[str, object]:
    value = doc[key]
    assert isinstance(value, dict)
    return value


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _pct(share: object) -> str:
    return "–" if share is None else f"{float(str(share)) * 100:.0f} %"


def where(q: Mapping[str, object], L: Mapping[str, str]) -> str:
    """'Southern, Burundi' style region and country of a question's asker."""
    country = q.get("country") or L["country_unknown"]
    return f"{L[str(q['region'])]}, {country}"


def who(q: Mapping[str, object], L: Mapping[str, str]) -> str:
    """'Participant 7, Burundi, civil society' (or a consenting person's name and organisation)."""
    country = q.get("country") or L["country_unknown"]
    org = q.get("organisation") or L[f"org_{q['organisation_type']}"]
    return f"{q['asker']}, {country}, {org}"


def _notes(
    q: Mapping[str, object], index: Mapping[int, Mapping[str, object]], L: Mapping[str, str]
) -> str:
    notes = []
    merged = q.get("merged") or []
    assert isinstance(merged, list)
    for child_id in merged:
        child = index.get(int(child_id))
        if child is not None:
            notes.append(
                f"{L['merged_with']}: «{child['text']}» ({who(child, L)}, {child['language']})"
            )
    retags = q.get("retags") or []
    assert isinstance(retags, list)
    if retags:
        steps = " → ".join([L[str(retags[0]["from"])]] + [L[str(r["to"])] for r in retags])
        notes.append(f"{L['retagged']}: {steps}")
    if q.get("theme_unknown"):
        notes.append(f"{L['model_said']}: {L['theme_unknown']}")
    elif q.get("confidence") is not None:
        unsure = f" ({L['unsure']})" if q.get("unsure") else ""
        notes.append(
            f"{L['model_said']}: {L[str(q['model_theme'])]}, {L['confidence']} {float(str(q['confidence'])):.2f}{unsure}"
        )
    if q.get("reply_to") is not None:
        notes.append(f"{L['reply_to']} Q{q['reply_to']}")
    return "; ".join(notes)


def build_report(doc: Doc, lang: str = "en") -> Report:
    """The report of an export document, with labels in ``lang`` (``en`` or ``nl``)."""
    L = labels(lang)
    event = _d(doc, "event")
    summary = _d(doc, "summary")
    method = _d(doc, "method")
    shares = _d(summary, "southern_share")
    start, end = str(event.get("start") or ""), str(event.get("end") or "")
    meta = [
        (L["date"], str(event["date"])),
        (
            L["duration"],
            f"{start[11:16]}–{end[11:16]} ({event['duration_minutes']} {L['minutes']})"
            if start
            else "–",
        ),
        (L["questions"], str(summary["questions"])),
        (L["entries"], str(summary["entries"])),
        (L["duplicates"], str(summary["duplicates_merged"])),
        (_capital(L["answered"]), str(summary["answered"])),
        (L["generated"], str(doc["generated_at"])),
    ]

    by_region = _d(summary, "questions_by_theme_and_region")
    theme_rows = []
    for theme in THEMES:
        counts = by_region[theme]
        assert isinstance(counts, dict)
        theme_rows.append(
            [L[theme]]
            + [str(counts[r]) for r in ("south", "north", "unknown")]
            + [str(sum(int(v) for v in counts.values()))]
        )
    theme_table = Table(
        L["questions_per_theme_region"],
        [L["theme"], L["south"], L["north"], L["unknown"], L["total"]],
        theme_rows,
    )
    share_rows = []
    for key in ("participants", "asked", "top10_seen", "answered"):
        value = shares.get(key)
        if not isinstance(value, dict):
            share_rows.append([L[key], "–", "–", L["not_recorded"]])
            continue
        share_rows.append([L[key], str(value["south"]), str(value["total"]), _pct(value["share"])])
    share_rows.append([L["target"], "", "", _pct(shares.get("target"))])
    share_table = Table(
        L["southern_share"], [L["among"], L["south"], L["total"], L["share"]], share_rows
    )
    langs = _d(summary, "languages")
    lang_table = Table(
        L["languages"], [L["language"], L["questions"]], [[k, str(v)] for k, v in langs.items()]
    )

    index = question_index(doc)
    header = [
        L["time"],
        L["question"],
        L["language"],
        L["asker"],
        L["votes"],
        L["state"],
        L["notes"],
    ]
    sections = []
    for theme, entries in entries_by_theme(doc).items():
        rows = [
            [
                str(q["time"])[11:16],
                str(q["text"]),
                str(q["language"]),
                who(q, L),
                str(q["votes"]),
                L[f"state_{q['state']}"],
                _notes(q, index, L),
            ]
            for q in entries
        ]
        sections.append(
            ThemeSection(
                theme,
                f"{L[theme]} ({len(rows)})",
                Table(L[theme], header, rows),
                "" if rows else L["no_questions"],
            )
        )

    balance = _d(method, "balance")
    excluded = _d(method, "excluded")
    spam = excluded.get("spam")
    assert isinstance(spam, dict)
    classifiers = method.get("classifiers") or []
    assert isinstance(classifiers, list)
    paragraphs = [
        L["method_themes"].format(
            classifiers=", ".join(str(c) for c in classifiers) or L["no_classifier"],
            version=method["baraza_version"],
            median="–"
            if method["median_confidence"] is None
            else f"{method['median_confidence']:.2f}",
            low=method["low_confidence"],
            threshold=method["low_confidence_threshold"],
            retagged=method["retagged"],
        )
        + " "
        + L["method_theme_definitions"]
        + (
            " " + L["method_unknown"].format(unknown=method["theme_unknown"])
            if method.get("theme_unknown")
            else ""
        ),
        L["method_balance"].format(
            half_life=balance["half_life_minutes"],
            cap=balance["per_person_cap"],
            share_pct=round(float(str(balance["southern_share"])) * 100),
            mode=balance["mode"],
        ),
        L["method_excluded"].format(
            private=excluded["private_messages"],
            deleted=excluded["deleted_messages"],
            spam=sum(int(v) for v in spam.values()),
            reactions=excluded["reactions_counted_as_votes"],
        ),
        L["method_names_consenting" if doc["names_included"] else "method_names_pseudonyms"],
        L["method_time"].format(zone=method["time_zone"]),
    ]
    chat = doc["chat"]
    assert isinstance(chat, list)
    chat_table = Table(
        L["chat"],
        [L["time"], L["speaker"], L["kind"], L["message"]],
        [
            [
                str(m["time"])[11:19],
                str(m["speaker"]),
                L.get(f"kind_{m['kind']}", str(m["kind"])),
                str(m["text"]),
            ]
            for m in chat
        ],
    )
    return Report(
        lang=lang,
        title=f"{L['title']}: {event['name']}",
        event_name=str(event["name"]),
        meta=meta,
        summary=[theme_table, share_table, lang_table],
        sections=sections,
        method_title=L["method"],
        method=paragraphs,
        chat=chat_table,
        labels=L,
    )
