"""The real bot under the things that go wrong in a live webinar: reconnects, rate limits,
restarts, a deleted board, and the start-up errors of ``baraza run``."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from bot.cli import main as cli_main
from bot.discord_runner import run
from bot.errors import BarazaError
from bot.export.transcript import render
from tests.e2e.fake_discord import CLIENT_TEST_KWARGS, FakeDiscord
from tests.e2e.test_bot_intake import BotRig, body_text, bot_errors
from tests.helpers import KeywordClassifier

__all__ = ["bot_errors"]  # the fixture is used by this module's rig


@pytest.fixture
def rig(fake_discord: FakeDiscord, tmp_path: Path, bot_errors: object) -> BotRig:
    return BotRig(fake_discord, tmp_path / "baraza.sqlite3")


async def test_message_sent_during_a_reconnect_is_ingested_exactly_once(rig: BotRig) -> None:
    fake = rig.fake
    away_text = "Will the new fund publish its evaluation criteria?"
    async with rig.running() as bot:
        await rig.board_posted()

        await fake.send_reconnect()
        away = await rig.say("lucia", away_text)
        await fake.wait_for_resume()
        await rig.say("tendai", "How are human rights defenders protected abroad?")

        edit = await rig.board_edit(lambda b: away_text in b and "defenders protected" in b)
        assert body_text(edit.json).count(away_text) == 1
        await rig.reacted(away, "📥")
        reactions = fake.requests_to("PUT", rf"/channels/{rig.chat}/messages/{away}/reactions/.*")
        assert len(reactions) == 1
        doc = json.loads(render(await bot.ctx.service.exports.document(bot.ctx.event_id), "json"))
        # one message in the record and one question, not two
        assert [m["text"] for m in doc["chat"]].count(away_text) == 1
        assert [q["text"] for q in doc["questions"]].count(away_text) == 1
        assert len(fake.identifies) == 1 and len(fake.resumes) == 1


async def test_rate_limited_board_edit_is_retried_and_the_board_catches_up(rig: BotRig) -> None:
    fake = rig.fake
    async with rig.running():
        board_id = await rig.board_posted()
        path = rf"/channels/{rig.mod_channel}/messages/{board_id}"
        # More 429s than discord.py retries on its own: the board must retry by itself.
        fault = fake.fail_next("PATCH", path, status=429, retry_after=0.05, times=5)

        await rig.say("lucia", "Why is the policy dialogue held only in English?")
        # No later change will come to trigger another edit: only a retry can bring it.

        await rig.board_edit(lambda b: "only in English" in b)
        assert fault.hits == 5
        statuses = [r.status for r in fake.requests_to("PATCH", path, include_injected=True)]
        assert statuses == [429, 429, 429, 429, 429, 200]
        assert "only in English" in rig.board_now(board_id)


async def test_after_a_restart_the_same_board_message_is_edited(rig: BotRig) -> None:
    fake = rig.fake
    async with rig.running():
        board_id = await rig.board_posted()
        await rig.say("lucia", "Can partners report in their own language?")
        await rig.board_edit(lambda b: "in their own language" in b)
    mark = fake.mark()

    async with rig.running():
        edit = await rig.board_edit(lambda b: "in their own language" in b, since=mark)
        assert edit.path == f"/channels/{rig.mod_channel}/messages/{board_id}"
        assert fake.requests_to("POST", rf"/channels/{rig.mod_channel}/messages", since=mark) == []
        assert fake.pinned_ids("moderators") == [board_id]
        # Found through the id stored in the database, without searching the pins.
        assert (
            fake.requests_to("GET", rf"/channels/{rig.mod_channel}/messages/pins", since=mark) == []
        )
        # The persistent buttons of the old message still work in the new process.
        clicked = await fake.button_click(fake.moderator_id, board_id, "baraza:answered")
        answer = await rig.answer(clicked)
        assert answer["data"]["content"].endswith("marked answered.")
        await rig.board_edit(lambda b: "No questions in the queue yet." in b, since=mark)


async def test_with_a_new_database_the_pinned_board_is_found_again(
    rig: BotRig, tmp_path: Path
) -> None:
    fake = rig.fake
    async with rig.running():
        board_id = await rig.board_posted()
        await fake.wait_for_request("PUT", rf"/channels/{rig.mod_channel}/messages/pins/\d+")
    mark = fake.mark()

    async with rig.running(tmp_path / "other.sqlite3"):
        edit = await rig.board_edit(lambda b: True, since=mark)

        assert edit.path == f"/channels/{rig.mod_channel}/messages/{board_id}"
        assert fake.requests_to("POST", rf"/channels/{rig.mod_channel}/messages", since=mark) == []
        assert fake.requests_to("GET", rf"/channels/{rig.mod_channel}/messages/pins", since=mark)


async def test_a_deleted_board_is_posted_again(rig: BotRig) -> None:
    fake = rig.fake
    async with rig.running():
        old = await rig.board_posted()
        await rig.say("lucia", "Is there a budget line for youth organisations?")
        await rig.board_edit(lambda b: "youth organisations" in b)
        mark = fake.mark()

        await fake.message_delete(old)

        new = await rig.board_posted(since=mark)
        assert new != old
        assert "youth organisations" in rig.board_now(new)
        await fake.wait_for_request("PUT", rf"/channels/{rig.mod_channel}/messages/pins/{new}")


async def test_a_channel_that_does_not_exist_stops_the_bot_with_one_line(
    rig: BotRig, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DISCORD_TOKEN", rig.fake.token)
    discord_cfg = replace(rig.config.discord, moderator_channel=424242)
    config = replace(rig.config, discord=discord_cfg)

    with pytest.raises(
        BarazaError, match=r"discord\.moderator_channel: 424242 is not a text channel"
    ):
        await run(config, rig.db_path, classifier=KeywordClassifier(), **CLIENT_TEST_KWARGS)


# --------------------------------------------------------------------------------------------
# ``baraza run`` and the token
# --------------------------------------------------------------------------------------------


def test_baraza_run_without_a_token_exits_2_with_one_line(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISCORD_TOKEN", "BARAZA_CONFIG")}
    db = tmp_path / "db.sqlite3"

    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "run", "--db", str(db)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("baraza: error: DISCORD_TOKEN is not set")
    assert not db.exists(), "nothing should start before the token is checked"


async def test_baraza_run_with_a_rejected_token_exits_2_with_one_line(
    rig: BotRig, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    cfg = rig.config.discord
    config_file = tmp_path / "config.toml"
    config_file.write_text(
        "[discord]\n"
        f"guild_id = {cfg.guild_id}\n"
        f"intake_channels = [{cfg.intake_channels[0]}]\n"
        f"moderator_channel = {cfg.moderator_channel}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("DISCORD_TOKEN", "not-the-token")
    args = ["run", "--config", str(config_file), "--db", str(tmp_path / "db.sqlite3")]

    code = await asyncio.to_thread(cli_main, args)  # its own event loop, like the real CLI

    assert code == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("baraza: error: Discord rejected the bot token in DISCORD_TOKEN")
    assert [r.status for r in rig.fake.requests_to("GET", "/users/@me")] == [401]
    assert rig.fake.identifies == []


async def test_messages_posted_while_the_bot_was_down_are_read_back(rig: BotRig) -> None:
    fake = rig.fake
    async with rig.running():
        await rig.board_posted()
        before = await rig.say("lucia", "Before the crash: how are partners consulted?")
        await rig.reacted(before, "📥")
    # the bot is down (a crash mid-webinar); the chat goes on
    missed = await rig.say("tendai", "While it was down: who sets the agenda of the new fund?")
    await rig.say("lucia", "hello, is the bot back?")
    assert await fake.lose_undelivered_events() >= 2  # a new login gets none of them
    mark = fake.mark()

    async with rig.running() as bot:
        await rig.board_edit(lambda b: "who sets the agenda" in b, since=mark)
        await rig.reacted(missed, "📥", since=mark)
        doc = json.loads(render(await bot.ctx.service.exports.document(bot.ctx.event_id), "json"))
        texts = [m["text"] for m in doc["chat"]]
        for text in (
            "Before the crash: how are partners consulted?",
            "While it was down: who sets the agenda of the new fund?",
            "hello, is the bot back?",
        ):
            assert texts.count(text) == 1, texts  # read back once, the old one not again
        # only the missed message is acknowledged again, not the one from before the crash
        assert (
            fake.requests_to(
                "PUT", rf"/channels/{rig.chat}/messages/{before}/reactions/.*", since=mark
            )
            == []
        )


@pytest.mark.fake_discord(replay_on_identify=False)
async def test_a_session_that_cannot_resume_reads_back_the_gap_though_the_chat_goes_on(
    rig: BotRig,
) -> None:
    fake = rig.fake
    async with rig.running() as bot:
        await rig.board_posted()
        first = await rig.say("lucia", "Before the gap: how are partners consulted?")
        await rig.reacted(first, "📥")

        await fake.invalid_session(resumable=False)  # the client has to IDENTIFY anew
        gap = await rig.say("tendai", "In the gap: who sets the agenda of the new fund?")
        await fake.wait_for_identify(2, timeout=15)  # discord.py waits 5 s before it
        # The chat goes on at once: this one arrives live, before on_ready and the catch-up.
        live = await rig.say("lucia", "Right after: is there a budget line for youth groups?")

        await rig.reacted(live, "📥")
        await rig.reacted(gap, "📥")
        doc = json.loads(render(await bot.ctx.service.exports.document(bot.ctx.event_id), "json"))
        texts = [m["text"] for m in doc["chat"]]
        assert texts.count("In the gap: who sets the agenda of the new fund?") == 1, texts
