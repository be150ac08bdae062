"""A real browser for the console's end-to-end tests: Debian's chromium driven by Selenium.

Selenium's calls block, and the console runs on the test's event loop, so tests call the
driver through :func:`off_loop` (a worker thread). A missing browser skips the test locally
and fails it in CI (``CI`` set), as the HTML-export test does.
"""

from __future__ import annotations

import asyncio
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest

T = TypeVar("T")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,900",
)


def _find() -> tuple[str, str]:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    missing = [n for n, p in (("chromium", chromium), ("chromium-driver", driver)) if not p]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("selenium (pip install -e '.[dev]')")
    if missing:
        why = f"browser tests need {', '.join(missing)} (apt-get install chromium chromium-driver)"
        if os.environ.get("CI"):
            pytest.fail(why)
        pytest.skip(why)
    assert chromium and driver
    return chromium, driver


def new_browser(profile: Path, downloads: Path | None = None) -> Any:
    """A headless chromium with a fresh profile (and a download folder)."""
    chromium, driver = _find()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service as DriverService

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    if downloads is not None:
        options.add_experimental_option(
            "prefs",
            {"download.default_directory": str(downloads), "download.prompt_for_download": False},
        )
    return webdriver.Chrome(service=DriverService(executable_path=driver), options=options)


async def off_loop(call: Callable[..., T], *args: Any) -> T:
    """Run a blocking driver call in a worker thread, so the console keeps serving."""
    return await asyncio.to_thread(call, *args)


async def wait_until(
    browser: Any, condition: Callable[[Any], Any], patience: float = 10.0, what: str = ""
) -> Any:
    """Wait (in a thread) for a condition on the page; fails with ``what`` on timeout."""
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    # a push replaces the queue's rows while the condition reads them: try again
    ignored = (NoSuchElementException, StaleElementReferenceException)

    def wait() -> Any:
        waiter = WebDriverWait(browser, patience, poll_frequency=0.05, ignored_exceptions=ignored)
        return waiter.until(condition, what)

    return await off_loop(wait)
