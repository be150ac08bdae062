"""`baraza serve` with `[discord]` configured: the Discord bot and the web console in one
process, one event. A question posted in the (fake) Discord chat shows on the console.

The real CLI and discord.py client run in a child process pointed at the fake Discord on
127.0.0.1 (``tests.e2e.fake_discord.bot_process``); slow.
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import sys
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.request import HTTPCookieProcessor, build_opener

import pytest

from tests.e2e.fake_discord import FakeDiscord

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]


def _get(link: str) -> str:
    opener = build_opener(HTTPCookieProcessor(CookieJar()))
    with opener.open(link, timeout=10) as response:
        return str(response.read().decode())


async def test_serve_runs_the_discord_bot_beside_the_console(
    fake_discord: FakeDiscord, tmp_path: Path
) -> None:
    fake = fake_discord
    config = tmp_path / "config.toml"
    config.write_text(
        '[event]\nname = "Served on Discord"\n[classifier]\nsource = "ngram"\n[discord]\n'
        f"guild_id = {fake.guild_id}\n"
        f"intake_channels = [{fake.channel_id('webinar-chat')}]\n"
        f"moderator_channel = {fake.channel_id('moderators')}\n",
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("BARAZA_")}
    env["DISCORD_TOKEN"] = fake.token
    env["PYTHONPATH"] = str(REPO)
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "tests.e2e.fake_discord.bot_process", fake.base_url,
            "serve", "--config", str(config), "--db", str(tmp_path / "db.sqlite3"),
            "--port", "0", "-v",
            cwd=REPO, env=env, stdout=out, stderr=asyncio.subprocess.STDOUT,
        )  # fmt: skip
    try:
        mod_channel = fake.channel_id("moderators")
        await fake.wait_for_request("POST", rf"/channels/{mod_channel}/messages", timeout=90)
        link = re.search(r"Moderator console: (http://\S+)", log.read_text(errors="replace"))
        assert link, log.read_text(errors="replace")
        member = fake.add_member("amani")
        await fake.message_create(
            fake.channel_id("webinar-chat"), member, "Q: Will local partners get core funding?"
        )
        page = ""
        for _ in range(60):
            page = await asyncio.to_thread(_get, link.group(1))
            if "core funding" in page:
                break
            await asyncio.sleep(0.5)
        assert "Will local partners get core funding?" in page
    finally:
        if proc.returncode is None:
            proc.send_signal(signal.SIGTERM)
        code = await asyncio.wait_for(proc.wait(), timeout=30)
    text = log.read_text(errors="replace")
    assert code == 0, text
    assert "Traceback" not in text and "Ignoring exception" not in text, text
