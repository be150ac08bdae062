"""Live Zoom chat by webhook: signatures, stale timestamps, the challenge, replays, privacy."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import AsyncIterator

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.core.model import MessageKind
from bot.sources.zoom_webhook import sign
from bot.usecases import Service
from bot.web.console import Console, build_app
from tests.web_helpers import WEBHOOK_SECRET, new_console


@pytest.fixture
async def web(service: Service) -> AsyncIterator[tuple[TestClient, Console]]:
    console = await new_console(service)
    client = TestClient(TestServer(build_app(console)))
    await client.start_server()
    try:
        yield client, console
    finally:
        await client.close()


def chat_event(
    message_id: str,
    text: str,
    *,
    recipient_type: str = "everyone",
    event: str = "webinar.chat_message_sent",
    **extra: str,
) -> dict[str, object]:
    chat = {
        "date_time": "2026-11-20T11:45:00Z",
        "message_content": text,
        "message_id": message_id,
        "sender_name": "Amina Diallo (Senegal)",
        "sender_email": "amina@example.org",
        "sender_session_id": "s-1",
        "sender_type": "attendee",
        "recipient_type": recipient_type,
        **extra,
    }
    return {
        "event": event,
        "event_ts": 1795000000000,
        "payload": {
            "account_id": "acc",
            "object": {"id": 123, "uuid": "u==", "chat_message": chat},
        },
    }


async def deliver(
    client: TestClient,
    event: dict[str, object],
    *,
    secret: str = WEBHOOK_SECRET,
    timestamp: int | None = None,
    signature: str | None = None,
) -> tuple[int, dict[str, object]]:
    body = json.dumps(event).encode()
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    headers = {
        "Content-Type": "application/json",
        "x-zm-request-timestamp": stamp,
        "x-zm-signature": signature or sign(secret, stamp, body),
    }
    response = await client.post("/zoom/webhook", data=body, headers=headers)
    return response.status, dict(await response.json())


QUESTION = "How will the ministry fund local organisations directly, without intermediaries?"


async def _texts(console: Console) -> list[str]:
    return [q.text for q in await console.service.store.read.questions.all(console.event_id)]


async def test_signed_chat_message_reaches_the_queue_once(
    web: tuple[TestClient, Console],
) -> None:
    client, console = web
    status, _ = await deliver(client, chat_event("m-1", QUESTION))
    assert status == 200
    ranked = await console.service.queue.ranked(console.event_id)
    assert [e.question.text for e in ranked] == [QUESTION]
    assert ranked[0].question.country == "SN"
    status, _ = await deliver(client, chat_event("m-1", QUESTION))  # Zoom redelivers
    assert status == 200
    assert await _texts(console) == [QUESTION]


async def test_meeting_chat_is_taken_too(web: tuple[TestClient, Console]) -> None:
    client, console = web
    status, _ = await deliver(
        client, chat_event("m-2", QUESTION, event="meeting.chat_message_sent")
    )
    assert status == 200 and await _texts(console) == [QUESTION]


async def test_wrong_signature_and_unsigned_requests_are_refused(
    web: tuple[TestClient, Console],
) -> None:
    client, console = web
    status, body = await deliver(client, chat_event("m-3", QUESTION), secret="not-the-secret")
    assert status == 401 and body["error"] == "bad signature"
    raw = json.dumps(chat_event("m-3", QUESTION)).encode()
    response = await client.post("/zoom/webhook", data=raw)
    assert response.status == 401
    assert await _texts(console) == []


async def test_stale_timestamp_is_refused_as_a_replay(web: tuple[TestClient, Console]) -> None:
    client, console = web
    old = int(time.time()) - 6 * 60
    status, body = await deliver(client, chat_event("m-4", QUESTION), timestamp=old)
    assert status == 401 and body["error"] == "stale timestamp"
    assert await _texts(console) == []


async def test_url_validation_challenge(web: tuple[TestClient, Console]) -> None:
    client, _ = web
    event = {
        "event": "endpoint.url_validation",
        "payload": {"plainToken": "qgg8vlvZRS6UYooatFL8Aw"},
    }
    status, body = await deliver(client, event)
    expected = hmac.new(
        WEBHOOK_SECRET.encode(), b"qgg8vlvZRS6UYooatFL8Aw", hashlib.sha256
    ).hexdigest()
    assert status == 200
    assert body == {"plainToken": "qgg8vlvZRS6UYooatFL8Aw", "encryptedToken": expected}


async def test_private_message_stays_out_of_the_queue(web: tuple[TestClient, Console]) -> None:
    client, console = web
    private = chat_event(
        "m-5",
        QUESTION,
        recipient_type="user",
        recipient_name="Moderator",
        recipient_session_id="s-9",
    )
    status, _ = await deliver(client, private)
    assert status == 200
    assert await console.service.queue.ranked(console.event_id) == []
    counts = await console.service.store.read.messages.counts(console.event_id)
    assert counts.get(MessageKind.PRIVATE.value) == 1


async def test_to_hosts_and_panelists_is_public(web: tuple[TestClient, Console]) -> None:
    client, console = web
    await deliver(client, chat_event("m-6", QUESTION, recipient_type="host_and_panelists"))
    assert len(await console.service.queue.ranked(console.event_id)) == 1


async def test_webhook_is_off_without_a_secret(service: Service) -> None:
    console = await new_console(service)
    console.webhook_secret = None
    client = TestClient(TestServer(build_app(console)))
    await client.start_server()
    try:
        assert (await client.post("/zoom/webhook", data=b"{}")).status == 404
    finally:
        await client.close()
