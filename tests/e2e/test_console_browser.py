"""The moderator console in a real browser (headless chromium): live, ranked, keyboard, safe."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.core.model import QuestionState
from bot.serve import bound_port, start_console
from bot.usecases import Service
from bot.web.access import Access
from bot.web.console import Console
from tests.e2e.browser import new_browser, off_loop, wait_until
from tests.web_helpers import MODERATOR_KEY, PANEL_KEY, post_question

pytestmark = pytest.mark.slow

BUDGET = "How will the new budget policy reach local organisations in the South?"
CIVIC = "Can activists count on protection of civic space?"


@pytest.fixture
async def live(service: Service) -> AsyncIterator[tuple[str, Console]]:
    event = await service.events.open("Dialogue on partnerships", "zoom", service.clock().date())
    access = Access(MODERATOR_KEY, PANEL_KEY)
    runner, console = await start_console(service, event.id, event.name, access, "127.0.0.1", 0)
    try:
        yield f"http://127.0.0.1:{bound_port(runner)}", console
    finally:
        await runner.cleanup()


@pytest.fixture
async def browser(tmp_path: Path) -> AsyncIterator[Any]:
    driver = await off_loop(new_browser, tmp_path / "profile-a", tmp_path / "downloads")
    try:
        yield driver
    finally:
        await off_loop(driver.quit)


async def _open_console(driver: Any, base: str) -> None:
    await off_loop(driver.get, f"{base}/?key={MODERATOR_KEY}")
    await wait_until(driver, lambda d: d.find_element("id", "live").text == "live", what="live")


def _queue_texts(driver: Any) -> list[str]:
    rows = driver.find_elements("css selector", "#queue tr.q .body")
    return [r.text for r in rows]


def _press(driver: Any, key: str) -> None:
    driver.find_element("tag name", "body").send_keys(key)


async def test_a_posted_question_shows_live_ranked_tagged_and_explained(
    live: tuple[str, Console], browser: Any
) -> None:
    base, console = live
    await _open_console(browser, base)
    assert "No questions" in await off_loop(lambda: browser.find_element("id", "queue").text)
    await post_question(console.service, console.event_id, BUDGET)
    await wait_until(browser, lambda d: BUDGET in _queue_texts(d), 5, "the question, pushed")

    def row() -> dict[str, str]:
        tr = browser.find_element("css selector", "#queue tr.q")
        cell = {c: tr.find_element("class name", c).text for c in ("rank", "qid", "theme", "place")}
        cell["why"] = tr.find_element("class name", "why").text
        return cell

    shown = await off_loop(row)
    assert shown["rank"] == "1" and shown["qid"].startswith("Q")
    assert shown["theme"] == "policy" and "Kenya" in shown["place"] and shown["why"]


async def test_keyboard_a_answers_the_top_and_the_next_moves_up(
    live: tuple[str, Console], browser: Any
) -> None:
    base, console = live
    first = await post_question(console.service, console.event_id, BUDGET, minute=5)
    await post_question(console.service, console.event_id, CIVIC, minute=0)
    await _open_console(browser, base)
    assert (await off_loop(_queue_texts, browser))[0] == BUDGET
    await off_loop(_press, browser, "a")
    await wait_until(browser, lambda d: _queue_texts(d) == [CIVIC], 5, "the next one moved up")
    assert (await console.service.queue.question(first)).state is QuestionState.ANSWERED
    answered = await off_loop(lambda: browser.find_element("id", "answered").text)
    assert BUDGET in answered
    await off_loop(_press, browser, "u")  # undo
    await wait_until(browser, lambda d: BUDGET in _queue_texts(d), 5, "undo brought it back")


async def test_two_moderators_see_each_other_and_the_panel_follows(
    live: tuple[str, Console], browser: Any, tmp_path: Path
) -> None:
    base, console = live
    await post_question(console.service, console.event_id, BUDGET, minute=5)
    await post_question(console.service, console.event_id, CIVIC, minute=0)
    other = await off_loop(new_browser, tmp_path / "profile-b")
    panel = await off_loop(new_browser, tmp_path / "profile-c")
    try:
        await _open_console(browser, base)
        await _open_console(other, base)
        await off_loop(panel.get, f"{base}/panel?key={PANEL_KEY}")
        now = "#panel .now .text"
        await wait_until(panel, lambda d: d.find_element("css selector", now).text == BUDGET, 5)
        await off_loop(_press, browser, "n")
        await wait_until(other, lambda d: _queue_texts(d) == [CIVIC], 5, "the other console")
        await wait_until(panel, lambda d: d.find_element("css selector", now).text == CIVIC, 5)
        assert "Grace" not in await off_loop(lambda: panel.find_element("id", "panel").text)
    finally:
        await off_loop(other.quit)
        await off_loop(panel.quit)


async def test_html_and_script_in_a_question_are_shown_as_text(
    live: tuple[str, Console], browser: Any
) -> None:
    base, console = live
    nasty = 'Budget <script>document.title="pwned"</script><img src=x onerror="document.title=1"> **policy**?'
    await post_question(console.service, console.event_id, nasty)
    await _open_console(browser, base)
    await wait_until(browser, lambda d: nasty in _queue_texts(d), 5, "the text, verbatim")
    assert "pwned" not in await off_loop(lambda: browser.title)
    assert await off_loop(lambda: browser.find_elements("css selector", "#queue img")) == []


async def test_requests_without_token_or_key_are_refused_and_exports_download(
    live: tuple[str, Console], browser: Any, tmp_path: Path
) -> None:
    base, console = live
    qid = await post_question(console.service, console.event_id, BUDGET)
    await _open_console(browser, base)
    forged = """
        const done = arguments[arguments.length - 1];
        fetch('/action', {method: 'POST', headers: {'Content-Type': 'application/json'},
                          body: JSON.stringify({action: 'answered', question: arguments[0]})})
            .then(r => done(r.status));
    """
    assert await off_loop(browser.execute_async_script, forged, qid) == 403
    assert (await console.service.queue.question(qid)).state is QuestionState.QUEUED
    await off_loop(browser.find_element("link text", "CSV (en)").click)
    downloads = tmp_path / "downloads"
    await wait_until(
        browser, lambda d: any(p.suffix == ".csv" for p in downloads.glob("*")), 10, "download"
    )
    csv_file = next(downloads.glob("*.csv"))
    assert "budget" in csv_file.read_text(encoding="utf-8-sig")
    stranger = await off_loop(new_browser, tmp_path / "profile-d")
    try:
        await off_loop(stranger.get, f"{base}/")
        assert "Key needed" in await off_loop(lambda: stranger.page_source)
        assert BUDGET not in await off_loop(lambda: stranger.page_source)
    finally:
        await off_loop(stranger.quit)
