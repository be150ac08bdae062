"""The real bot's board under a burst of questions: coalesced, within Discord's edit rate.

Timing of single edits is tested on a virtual clock in tests/unit/test_board_limiter.py; here
the real discord.py client must keep to 5 edits per 5 s on the wire and still show everything.
"""

from __future__ import annotations

import asyncio
import dataclasses
from pathlib import Path

import pytest

from bot.config import BoardConfig
from tests.e2e.fake_discord import FakeDiscord
from tests.e2e.test_bot_intake import BotRig, body_text, bot_errors
from tests.unit.test_board_limiter import max_in_window

__all__ = ["bot_errors"]  # the fixture is used by this module's rig

TOPICS = [
    "the partnership policy",
    "civic space in the Sahel",
    "direct funding for local organisations",
    "the new subsidy framework",
    "women-led organisations",
    "IATI reporting",
    "human rights defenders",
    "the evaluation of the fund",
    "climate adaptation budgets",
    "youth movements",
]


@pytest.fixture
def rig(fake_discord: FakeDiscord, tmp_path: Path, bot_errors: object) -> BotRig:
    return BotRig(fake_discord, tmp_path / "baraza.sqlite3")


async def test_a_burst_of_questions_is_coalesced_within_5_edits_per_5_s(rig: BotRig) -> None:
    fake = rig.fake
    people = [fake.add_member(f"attendee{i}") for i in range(20)]
    rig.config = dataclasses.replace(rig.config, board=BoardConfig(top=25))  # all 20 shown
    async with rig.running():
        await rig.board_posted()
        mark = fake.mark()
        for i, person in enumerate(people):
            topic = TOPICS[i % len(TOPICS)]
            await fake.message_create("webinar-chat", person, f"What about {topic} for group {i}?")
            await asyncio.sleep(0.1)  # 10 questions a second, faster than the board may follow
        await rig.board_edit(lambda b: "for group 19?" in b, since=mark)

    edits = [
        r
        for r in fake.requests[mark:]
        if r.method == "PATCH" and r.path.startswith(f"/channels/{rig.mod_channel}/messages/")
    ]
    assert max_in_window([r.time for r in edits]) <= 5
    assert len(edits) < len(people)  # 20 questions, fewer edits: the burst was coalesced
    assert "for group 0?" in body_text(edits[-1].json)  # nothing dropped on the way
