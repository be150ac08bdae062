"""Helpers for the web console tests: a console over the test service, questions to post."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from bot.core.model import ChatMessage
from bot.usecases import Service
from bot.web.access import Access
from bot.web.console import Console

DAY = date(2026, 11, 20)
MODERATOR_KEY = "moderator-key-for-tests"
PANEL_KEY = "panel-key-for-tests"
WEBHOOK_SECRET = "zoom-secret-for-tests"
_CSRF = re.compile(r'<meta name="csrf-token" content="([^"]+)">')


async def new_console(service: Service, *, open_access: bool = False) -> Console:
    """A console on a fresh event, with the test keys (or none) and the webhook switched on."""
    event = await service.events.open("Dialogue on partnerships", "zoom", DAY)
    access = Access(None, None) if open_access else Access(MODERATOR_KEY, PANEL_KEY)
    return Console(service, event.id, event.name, access, webhook_secret=WEBHOOK_SECRET)


_counter = iter(range(1, 10**6))


async def post_question(
    service: Service, event_id: int, text: str, who: str = "Grace Wanjiru (Kenya)", minute: int = 0
) -> int:
    """Ingest one public chat message; returns the id of the question it made (or -1)."""
    n = next(_counter)
    when = datetime(2026, 11, 20, 11, 30, tzinfo=UTC) + timedelta(minutes=minute)
    message = ChatMessage("zoom", f"test-{n}", when, who, text)
    await service.intake.ingest(event_id, [message])
    for q in await service.store.read.questions.all(event_id):
        if q.text == text:
            return q.id
    return -1


def csrf_of(page: str) -> str:
    """The CSRF token a console page carries."""
    found = _CSRF.search(page)
    assert found, "the console page has no CSRF token"
    return found.group(1)
