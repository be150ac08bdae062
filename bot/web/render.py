"""Server-rendered HTML of the console and the panel view.

Every piece of participant text goes through :func:`esc` (``html.escape`` with quotes), here and
nowhere else; the pages' script only ever inserts fragments rendered by this module.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.core.model import THEMES, Question, QuestionState
from bot.core.ranking import RankingSettings
from bot.export.transcript import FORMATS
from bot.usecases import BoardEntry
from bot.usecases.queue import BALANCE_MODES

SHORTCUTS = (
    ("n", "next: the top question is answered"),
    ("a", "answered (the selected question, else the top one)"),
    ("d", "dismiss (selected, else top)"),
    ("u", "undo the last action"),
    ("j / k", "select the next / previous question"),
)
EXPORT_LANGUAGES = ("en", "nl")


def esc(value: object) -> str:
    """Text as inert HTML (quotes too, so it is safe in attributes)."""
    return html.escape(str(value), quote=True)


@dataclass(frozen=True)
class ConsoleState:
    """Everything a moderator's console shows at one moment."""

    entries: Sequence[BoardEntry]
    held: Sequence[Question]
    logistics: Sequence[Question]
    answered: Sequence[Question]
    settings: RankingSettings
    paused: bool
    last_action: str | None
    countries: dict[str, str]


def _place(q: Question, countries: dict[str, str]) -> str:
    country = countries.get(q.country or "", q.country or "")
    region = {"south": "South", "north": "North"}.get(q.region.value, "Unknown")
    return f"{region} · {country}" if country else region


def _button(action: str, label: str, question: int, title: str = "") -> str:
    hint = f' title="{esc(title)}"' if title else ""
    return (
        f'<button type="button" data-act="{action}" data-q="{question}"{hint}>{esc(label)}</button>'
    )


def _retag(q: Question) -> str:
    options = "".join(
        f'<option value="{t}"{" selected" if t == q.theme else ""}>{t}</option>' for t in THEMES
    )
    return f'<select data-act="retag" data-q="{q.id}" aria-label="retag Q{q.id}">{options}</select>'


def queue_rows(entries: Iterable[BoardEntry], countries: dict[str, str]) -> str:
    """The ranked queue's table rows."""
    rows = []
    for e in entries:
        q = e.question
        merged = "".join(
            f' <span class="merged">+Q{m} {_button("split", "split", m, f"split Q{m} out")}</span>'
            for m in q.merged_ids
        )
        pin = _button("unpin", "unpin", q.id) if q.pinned else _button("pin", "pin", q.id)
        actions = (
            _button("answered", "answered", q.id)
            + _button("dismiss", "dismiss", q.id)
            + _button("hold", "hold", q.id)
            + pin
            + _button("merge", "merge into…", q.id)
            + _retag(q)
        )
        rows.append(
            f'<tr class="q{" pinned" if q.pinned else ""}" data-q="{q.id}" data-theme="{esc(q.theme)}"'
            f' data-region="{esc(q.region.value)}">'
            f'<td class="rank">{e.rank}</td><td class="qid">Q{q.id}</td>'
            f'<td class="text"><div class="body">{esc(q.text)}</div>'
            f'<div class="why">{esc(e.why)}{merged}</div></td>'
            f'<td class="theme">{esc(q.theme)}</td><td class="place">{esc(_place(q, countries))}</td>'
            f'<td class="lang">{esc(q.language)}</td><td class="votes">{e.votes}</td>'
            f'<td class="age">{int(e.age_minutes)} min</td><td class="acts">{actions}</td></tr>'
        )
    if not rows:
        return '<tr class="empty"><td colspan="9">No questions in the queue yet.</td></tr>'
    return "".join(rows)


def question_list(
    questions: Iterable[Question], countries: dict[str, str], actions: Sequence[tuple[str, str]]
) -> str:
    """A side list (held, logistics, answered) with its own buttons."""
    items = []
    for q in questions:
        reason = f' <span class="why">({esc(q.hold_reason)})</span>' if q.hold_reason else ""
        buttons = "".join(_button(act, label, q.id) for act, label in actions)
        items.append(
            f'<li data-q="{q.id}"><span class="qid">Q{q.id}</span> {esc(q.text)}{reason}'
            f' <span class="meta">{esc(_place(q, countries))} · {esc(q.language)}</span>'
            f' <span class="acts">{buttons}</span></li>'
        )
    return "".join(items) or '<li class="empty">none</li>'


def status_bar(state: ConsoleState) -> str:
    """Balance, pause and undo controls."""
    modes = "".join(
        f'<option value="{m}"{" selected" if m == state.settings.mode else ""}>{m}</option>'
        for m in BALANCE_MODES
    )
    share = round(state.settings.southern_share, 2)
    pause = (
        '<button type="button" data-act="resume" class="warn">resume (paused)</button>'
        if state.paused
        else '<button type="button" data-act="pause">pause</button>'
    )
    undo = (
        f'<button type="button" data-act="undo" id="undo">undo: {esc(state.last_action)}</button>'
        if state.last_action
        else '<button type="button" data-act="undo" id="undo" disabled>undo</button>'
    )
    return (
        f'<label>balance <select id="mode" aria-label="balance mode">{modes}</select></label> '
        f'<label>Southern share <input id="share" type="number" min="0" max="1" step="0.05"'
        f' value="{share}"></label> <button type="button" data-act="balance">set</button> '
        f"{pause} {undo}"
    )


def console_fragments(state: ConsoleState) -> dict[str, str]:
    """The parts of the console a push replaces, by element id."""
    c = state.countries
    return {
        "queue": queue_rows(state.entries, c),
        "held": question_list(state.held, c, (("approve", "approve"), ("dismiss", "dismiss"))),
        "logistics": question_list(
            state.logistics, c, (("answered", "answered"), ("dismiss", "dismiss"))
        ),
        "answered": question_list(state.answered, c, (("reopen", "back to queue"),)),
        "status": status_bar(state),
        "count-held": str(len(state.held)),
        "count-logistics": str(len(state.logistics)),
        "count-answered": str(len(state.answered)),
    }


def _page(title: str, body: str, css: str, script: str, csrf: str = "") -> str:
    meta = f'<meta name="csrf-token" content="{esc(csrf)}">' if csrf else ""
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"{meta}<title>{esc(title)}</title>"
        f'<link rel="stylesheet" href="/static/{css}"></head><body>{body}'
        f'<script src="/static/{script}"></script></body></html>'
    )


def console_page(event_name: str, state: ConsoleState, csrf: str) -> str:
    """The moderator console: queue, side lists, controls, filters, exports, shortcuts."""
    parts = console_fragments(state)
    themes = "".join(f'<option value="{t}">{t}</option>' for t in THEMES)
    regions = "".join(f'<option value="{r}">{r}</option>' for r in ("south", "north", "unknown"))
    exports = " ".join(
        f'<a href="/export?format={fmt}&amp;lang={lang}" download>{fmt.upper()} ({lang})</a>'
        for fmt in FORMATS
        for lang in EXPORT_LANGUAGES
    )
    keys = "".join(f"<li><kbd>{esc(k)}</kbd> {esc(v)}</li>" for k, v in SHORTCUTS)
    body = f"""
<header><h1>Baraza · {esc(event_name)}</h1>
<span id="live" class="live off">connecting…</span> <a href="/panel" target="_blank">panel view</a>
<a href="/events">all events</a>
</header>
<div id="status" class="bar">{parts["status"]}</div>
<div class="bar filters">
<label>theme <select id="f-theme"><option value="">all</option>{themes}</select></label>
<label>region <select id="f-region"><option value="">all</option>{regions}</select></label>
<span id="msg" role="status"></span>
</div>
<main>
<table class="queue"><thead><tr><th>#</th><th>Q</th><th>question · why</th><th>theme</th>
<th>region · country</th><th>lang</th><th>votes</th><th>age</th><th>actions</th></tr></thead>
<tbody id="queue">{parts["queue"]}</tbody></table>
<aside>
<section><h2>Held for review (<span id="count-held">{parts["count-held"]}</span>)</h2>
<ul id="held">{parts["held"]}</ul></section>
<section><h2>Logistics (<span id="count-logistics">{parts["count-logistics"]}</span>)</h2>
<ul id="logistics">{parts["logistics"]}</ul></section>
<section><h2>Answered (<span id="count-answered">{parts["count-answered"]}</span>)</h2>
<ul id="answered">{parts["answered"]}</ul></section>
<section><h2>Keyboard</h2><ul class="keys">{keys}</ul></section>
<section><h2>Export for the ministry</h2><p class="exports">{exports}</p></section>
</aside>
</main>"""
    return _page(f"Baraza console · {event_name}", body, "console.css", "console.js", csrf)


def panel_fragment(
    entries: Sequence[BoardEntry], countries: dict[str, str], names: bool, paused: bool
) -> str:
    """The panel view's content: the current question and the next three."""
    if not entries:
        return '<p class="waiting">Waiting for questions…</p>'

    def card(e: BoardEntry, cls: str) -> str:
        q = e.question
        country = countries.get(q.country or "", q.country or "")
        who = f"{esc(q.author)} · " if names and q.author else ""
        where = esc(country) if country else "country unknown"
        return (
            f'<div class="{cls}" data-q="{q.id}"><p class="text">{esc(q.text)}</p>'
            f'<p class="meta">{who}{where} · {esc(q.language)} · {esc(q.theme)}</p></div>'
        )

    notice = '<p class="paused">Questions paused</p>' if paused else ""
    upcoming = "".join(card(e, "next") for e in entries[1:4])
    return (
        f'{notice}<section class="current"><h2>Now</h2>{card(entries[0], "now")}</section>'
        f'<section class="upcoming"><h2>Next</h2>{upcoming or "<p>—</p>"}</section>'
    )


def panel_page(event_name: str, fragment: str) -> str:
    """The read-only panel view for the speakers' screen."""
    body = (
        f'<header><h1>{esc(event_name)}</h1><span id="live" class="live off">…</span></header>'
        f'<main id="panel">{fragment}</main>'
    )
    return _page(f"Baraza panel · {event_name}", body, "panel.css", "panel.js")


def message_page(title: str, text: str) -> str:
    """A plain page for refusals (no key, wrong key, too many tries)."""
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{esc(title)}</title></head><body><h1>{esc(title)}</h1><p>{esc(text)}</p>"
        "</body></html>"
    )


def answered_first(questions: Iterable[Question]) -> list[Question]:
    """Answered questions, the latest first."""
    return sorted((q for q in questions if q.state is QuestionState.ANSWERED), key=lambda q: -q.id)
