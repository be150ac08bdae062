"""Screenshots of the web console and the panel view for the README, from a real browser.

Run ``baraza demo --speed 0 --no-board --db DEMO.sqlite3`` first, then
``python docs/screenshots.py DEMO.sqlite3``: it serves the demo event on a free port, opens
Debian's chromium (Selenium) and writes ``docs/console.png`` and ``docs/panel.png``.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

from bot.app import open_service
from bot.config import load_config
from bot.demo.replay import DEMO_EVENT
from bot.serve import bound_port, start_console
from bot.web.access import Access
from tests.e2e.browser import new_browser, off_loop

DOCS = Path(__file__).parent


async def main(db_path: Path) -> None:
    async with open_service(load_config(None), db_path) as service:
        event = await service.store.read.events.find(DEMO_EVENT)
        if event is None:
            raise SystemExit(f"no demo event in {db_path}: run `baraza demo` first")
        access = Access("screenshot-moderator", "screenshot-panel")
        runner, _ = await start_console(service, event.id, event.name, access, "127.0.0.1", 0)
        base = f"http://127.0.0.1:{bound_port(runner)}"
        with tempfile.TemporaryDirectory() as profile:
            browser = await off_loop(new_browser, Path(profile))
            try:
                await off_loop(browser.set_window_size, 1500, 1000)
                await off_loop(browser.get, f"{base}/?key=screenshot-moderator")
                await asyncio.sleep(1.0)  # the live badge connects
                await off_loop(browser.save_screenshot, str(DOCS / "console.png"))
                await off_loop(browser.get, f"{base}/panel?key=screenshot-panel")
                await asyncio.sleep(1.0)
                await off_loop(browser.set_window_size, 1280, 720)
                await off_loop(browser.save_screenshot, str(DOCS / "panel.png"))
            finally:
                await off_loop(browser.quit)
                await runner.cleanup()


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1])))
