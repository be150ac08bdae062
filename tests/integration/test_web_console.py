"""The web console over HTTP: keys and cookies, CSRF, rate limits, actions, push, escaping."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.core.model import QuestionState
from bot.errors import BarazaError
from bot.usecases import Service
from bot.web.access import COOKIE, MAX_WRONG_KEYS, Access, check_listen
from bot.web.console import Console, build_app
from tests.web_helpers import MODERATOR_KEY, PANEL_KEY, csrf_of, new_console, post_question

BUDGET = "How will the new budget reach local organisations in the South?"


@pytest.fixture
async def web(service: Service) -> AsyncIterator[tuple[TestClient, Console]]:
    console = await new_console(service)
    client = TestClient(TestServer(build_app(console)))
    await client.start_server()
    try:
        yield client, console
    finally:
        await client.close()


async def _login(client: TestClient, key: str = MODERATOR_KEY, path: str = "/") -> str:
    response = await client.get(f"{path}?key={key}", allow_redirects=False)
    assert response.status == 303
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    page = await client.get(response.headers["Location"])
    assert page.status == 200
    return await page.text()


async def test_without_a_key_nothing_is_shown(web: tuple[TestClient, Console]) -> None:
    client, console = web
    await post_question(console.service, console.event_id, BUDGET)
    for path in ("/", "/panel", "/export?format=csv"):
        response = await client.get(path)
        assert response.status == 401
        assert "budget" not in await response.text()
    assert (await client.get("/stream")).status == 401
    assert (await client.get("/?key=wrong")).status == 403


async def test_the_key_link_opens_a_cookie_session_and_the_ranked_queue(
    web: tuple[TestClient, Console],
) -> None:
    client, console = web
    await post_question(console.service, console.event_id, BUDGET)
    page = await _login(client)
    assert BUDGET in page
    assert "Kenya" in page and "policy" in page  # country and theme
    assert "<kbd>n</kbd>" in page and "<kbd>u</kbd>" in page  # shortcuts shown
    assert "http://" not in page.replace("http://www.w3.org", "")  # nothing loaded from elsewhere
    # the page was a view of the top 10: the export's "seen" figures count it
    assert await console.service.store.read.questions.board_views(console.event_id)


async def test_wrong_keys_are_rate_limited(web: tuple[TestClient, Console]) -> None:
    client, _ = web
    for _ in range(MAX_WRONG_KEYS):
        assert (await client.get("/?key=guess")).status == 403
    # now even the right key waits: guessing stops being cheap
    assert (await client.get(f"/?key={MODERATOR_KEY}", allow_redirects=False)).status == 429


async def test_actions_need_the_cookie_and_the_csrf_token(
    web: tuple[TestClient, Console],
) -> None:
    client, console = web
    qid = await post_question(console.service, console.event_id, BUDGET)
    body = {"action": "answered", "question": qid}
    assert (await client.post("/action", json=body)).status == 401  # no session
    page = await _login(client)
    assert (await client.post("/action", json=body)).status == 403  # no token
    bad = await client.post("/action", json=body, headers={"X-CSRF-Token": "forged"})
    assert bad.status == 403
    assert (await console.service.queue.question(qid)).state is QuestionState.QUEUED
    ok = await client.post("/action", json=body, headers={"X-CSRF-Token": csrf_of(page)})
    assert ok.status == 200, await ok.text()
    assert (await console.service.queue.question(qid)).state is QuestionState.ANSWERED


async def test_panel_key_reads_the_panel_only(web: tuple[TestClient, Console]) -> None:
    client, console = web
    await post_question(console.service, console.event_id, BUDGET, who="Grace Wanjiru (Kenya)")
    await asyncio.sleep(0.2)  # the hub renders the panel after the change
    panel = await _login(client, PANEL_KEY, "/panel")
    assert BUDGET in panel and "Kenya" in panel
    assert "Grace" not in panel  # no names on the panel by default
    console_page = await client.get("/", allow_redirects=False)
    assert console_page.status == 303 and console_page.headers["Location"] == "/panel"
    assert (await client.get("/stream")).status == 401
    refused = await client.post("/action", json={"action": "next"})
    assert refused.status == 401


async def test_every_action_and_undo(web: tuple[TestClient, Console]) -> None:
    client, console = web
    service, event_id = console.service, console.event_id
    first = await post_question(service, event_id, BUDGET, minute=0)
    second = await post_question(
        service, event_id, "Can activists count on protection of civic space?", minute=1
    )
    csrf = csrf_of(await _login(client))

    async def act(**data: object) -> dict[str, object]:
        response = await client.post("/action", json=data, headers={"X-CSRF-Token": csrf})
        assert response.status == 200, await response.text()
        return dict(await response.json())

    await act(action="retag", question=first, theme="civic")
    assert (await service.queue.question(first)).theme == "civic"
    await act(action="undo")
    assert (await service.queue.question(first)).theme == "policy"
    await act(action="pin", question=second)
    assert (await service.queue.ranked(event_id))[0].question.id == second
    await act(action="merge", question=first, into=second)
    assert (await service.queue.question(first)).merged_into == second
    await act(action="split", question=first)
    assert (await service.queue.question(first)).merged_into is None
    await act(action="hold", question=first)
    assert [q.id for q in await service.queue.held(event_id)] == [first]
    await act(action="approve", question=first)
    await act(action="balance", mode="off", share="0.3")
    settings = await service.queue.ranking_settings(event_id)
    assert (settings.mode, settings.southern_share) == ("off", 0.3)
    await act(action="undo")
    assert (await service.queue.ranking_settings(event_id)).mode == "floor"
    await act(action="pause")
    assert await service.moderation.paused(event_id)
    await act(action="resume")
    answered = await act(action="next")  # the pinned one was on top
    assert (await service.queue.question(second)).state is QuestionState.ANSWERED
    assert answered["message"] == f"next: Q{first}"
    await act(action="undo")
    assert (await service.queue.question(second)).state is QuestionState.QUEUED
    wrong = await client.post(
        "/action",
        json={"action": "retag", "question": first, "theme": "nope"},
        headers={"X-CSRF-Token": csrf},
    )
    assert wrong.status == 400 and "unknown theme" in (await wrong.json())["error"]


async def test_participant_html_script_and_markdown_stay_text(
    web: tuple[TestClient, Console],
) -> None:
    client, console = web
    nasty = (
        'What about <script>alert("x")</script> and <img src=x onerror=alert(1)> '
        "or **bold** [link](javascript:alert(1)) in the budget policy?"
    )
    await post_question(console.service, console.event_id, nasty, who='<b>Eve</b> "x" (Kenya)')
    await asyncio.sleep(0.2)
    for page in (await _login(client), await (await client.get("/panel")).text()):
        assert "<script>alert" not in page and "<img src=x" not in page and "<b>Eve" not in page
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    stream_payload = console.hub.payloads["moderator"]
    assert "<script>alert" not in json.loads(stream_payload)["queue"]


async def test_changes_are_pushed_to_open_streams(web: tuple[TestClient, Console]) -> None:
    client, console = web
    await _login(client)
    response = await client.get("/stream")
    assert response.headers["Content-Type"].startswith("text/event-stream")

    async def next_event() -> dict[str, str]:
        while True:
            line = (await response.content.readline()).decode()
            if line.startswith("data: "):
                return dict(json.loads(line[6:]))

    first = await asyncio.wait_for(next_event(), 5)
    assert BUDGET not in first["queue"]
    await post_question(console.service, console.event_id, BUDGET)
    pushed = await asyncio.wait_for(next_event(), 5)
    assert BUDGET in pushed["queue"]
    response.close()


async def test_exports_download_in_every_format(web: tuple[TestClient, Console]) -> None:
    client, console = web
    await post_question(console.service, console.event_id, BUDGET)
    await _login(client)
    for fmt, lang in (("csv", "en"), ("md", "nl"), ("json", "en")):
        response = await client.get(f"/export?format={fmt}&lang={lang}")
        assert response.status == 200
        assert "attachment" in response.headers["Content-Disposition"]
        assert "budget" in (await response.read()).decode("utf-8-sig")
    assert (await client.get("/export?format=exe")).status == 400


async def test_open_console_only_on_loopback(service: Service) -> None:
    check_listen("127.0.0.1", Access(None, None))
    check_listen("0.0.0.0", Access("k1", "k2"))
    with pytest.raises(BarazaError, match="without keys"):
        check_listen("0.0.0.0", Access(None, None))
    console = await new_console(service, open_access=True)
    client = TestClient(TestServer(build_app(console)))
    await client.start_server()
    try:
        response = await client.get("/", allow_redirects=False)
        assert response.status == 303 and COOKIE in response.headers["Set-Cookie"]
    finally:
        await client.close()
