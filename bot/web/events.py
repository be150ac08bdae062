"""The console's list of events and a read-only look at another event's queue.

One ``baraza serve`` console moderates one event; on a shared database (many webinars, one
PostgreSQL) its moderators can see which events exist and read any event's ranked queue here.
Acting on another event means opening that event's own console, so an action can never land on
the wrong webinar. Participant text is escaped with :func:`bot.web.render.esc`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from bot.core.model import Event, QuestionState
from bot.usecases import BoardEntry, Service
from bot.web.render import esc, message_page

STYLE = (
    "<style>body{font-family:system-ui,sans-serif;margin:1.5rem}"
    "table{border-collapse:collapse}td,th{padding:.3rem .6rem;border-bottom:1px solid #ddd;"
    "text-align:left;vertical-align:top}.here{font-weight:bold}</style>"
)


@dataclass(frozen=True)
class EventRow:
    """One line of the events list."""

    event: Event
    queued: int
    held: int
    answered: int


async def event_rows(service: Service) -> list[EventRow]:
    """Every event in the database with its question counts, the newest first."""
    rows = []
    for event in sorted(await service.events.all(), key=lambda e: e.id, reverse=True):
        states = Counter(
            q.state for q in await service.store.read.questions.all(event.id) if not q.merged_into
        )
        rows.append(
            EventRow(
                event,
                states[QuestionState.QUEUED],
                states[QuestionState.HELD],
                states[QuestionState.ANSWERED],
            )
        )
    return rows


def _page(title: str, body: str) -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{esc(title)}</title>{STYLE}</head><body>{body}</body></html>"
    )


def events_page(rows: Sequence[EventRow], current: int) -> str:
    """``/events``: every event, this console's own marked; each links to its queue."""
    lines = "".join(
        f'<tr class="{"here" if r.event.id == current else ""}"><td>{r.event.id}</td>'
        f'<td><a href="/events/{r.event.id}">{esc(r.event.name)}</a>'
        f"{' (this console)' if r.event.id == current else ''}</td>"
        f"<td>{esc(r.event.source)}</td><td>{r.event.created_at:%Y-%m-%d}</td>"
        f"<td>{r.queued}</td><td>{r.held}</td><td>{r.answered}</td></tr>"
        for r in rows
    )
    body = (
        '<h1>Events in this database</h1><p><a href="/">back to the console</a></p>'
        "<table><thead><tr><th>id</th><th>event</th><th>source</th><th>created</th>"
        "<th>queued</th><th>held</th><th>answered</th></tr></thead>"
        f"<tbody>{lines}</tbody></table>"
    )
    return _page("Baraza · events", body)


def event_queue_page(event: Event, entries: Sequence[BoardEntry], current: int) -> str:
    """``/events/ID``: that event's ranked queue, read-only."""
    if event.id == current:
        note = '<p>This is the event of this console: <a href="/">moderate it</a>.</p>'
    else:
        note = "<p>Read-only: moderate this event from its own console.</p>"
    lines = (
        "".join(
            f"<tr><td>{e.rank}</td><td>Q{e.question.id}</td><td>{esc(e.question.text)}"
            f"<br><small>{esc(e.why)}</small></td><td>{esc(e.question.theme)}</td>"
            f"<td>{esc(e.question.region.value)}</td><td>{e.votes}</td></tr>"
            for e in entries
        )
        or '<tr><td colspan="6">The queue is empty.</td></tr>'
    )
    body = (
        f'<h1>{esc(event.name)}</h1><p><a href="/events">all events</a></p>{note}'
        "<table><thead><tr><th>#</th><th>Q</th><th>question · why</th><th>theme</th>"
        f"<th>region</th><th>votes</th></tr></thead><tbody>{lines}</tbody></table>"
    )
    return _page(f"Baraza · {event.name}", body)


def no_such_event(event_id: str) -> str:
    """The page for an unknown event id."""
    return message_page("No such event", f"There is no event {event_id} in this database.")
