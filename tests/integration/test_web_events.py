"""The console lists the database's events and shows another event's queue read-only."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.core.model import QuestionState
from bot.usecases import Service
from bot.web.console import Console, build_app
from tests.web_helpers import DAY, MODERATOR_KEY, PANEL_KEY, csrf_of, new_console, post_question

OURS = "How will the new budget reach local organisations in the South?"
THEIRS = "What will the ministry do to protect <b>human rights</b> defenders?"


@pytest.fixture
async def web(service: Service) -> AsyncIterator[tuple[TestClient, Console, int]]:
    console = await new_console(service)
    other = await service.events.open("Partners' consultation", "discord", DAY)
    client = TestClient(TestServer(build_app(console)))
    await client.start_server()
    try:
        yield client, console, other.id
    finally:
        await client.close()


async def _moderator(client: TestClient) -> str:
    response = await client.get(f"/?key={MODERATOR_KEY}")
    assert response.status == 200
    return await response.text()


async def test_events_page_lists_every_event_with_counts(
    web: tuple[TestClient, Console, int],
) -> None:
    client, console, other = web
    await post_question(console.service, console.event_id, OURS)
    await post_question(console.service, other, THEIRS)
    assert (await client.get("/events")).status == 401
    page = await _moderator(client)
    assert 'href="/events"' in page
    listing = await (await client.get("/events")).text()
    assert "Dialogue on partnerships" in listing and "(this console)" in listing
    assert f'href="/events/{other}"' in listing and "Partners&#x27; consultation" in listing


async def test_another_events_queue_is_read_only_and_escaped(
    web: tuple[TestClient, Console, int],
) -> None:
    client, console, other = web
    ours = await post_question(console.service, console.event_id, OURS)
    theirs = await post_question(console.service, other, THEIRS)
    await _moderator(client)
    page = await (await client.get(f"/events/{other}")).text()
    assert "human rights" in page and "<b>human" not in page  # escaped
    assert OURS not in page and "Read-only" in page and "data-act" not in page
    assert (await client.get("/events/999999")).status == 404
    assert (await client.get("/events/abc")).status == 404

    # the console's actions stay on its own event: another event's question is refused
    csrf = csrf_of(await _moderator(client))
    refused = await client.post(
        "/action", json={"action": "dismiss", "question": theirs}, headers={"X-CSRF-Token": csrf}
    )
    assert refused.status == 400
    assert (await console.service.queue.question(theirs)).state is QuestionState.QUEUED
    assert (await console.service.queue.question(ours)).state is QuestionState.QUEUED


async def test_the_panel_key_cannot_list_events(web: tuple[TestClient, Console, int]) -> None:
    client, _, other = web
    await client.get(f"/panel?key={PANEL_KEY}")
    for path in ("/events", f"/events/{other}"):
        response = await client.get(path, allow_redirects=False)
        assert response.status in (302, 303) and response.headers["Location"] == "/panel"
