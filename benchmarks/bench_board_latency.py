"""Message-to-board latency and the board's edit rate under a busy Discord chat.

    python benchmarks/bench_board_latency.py [--rate 10] [--seconds 60] [--classifier ngram|shipped]

Runs the real bot (the real discord.py client, built with ``open_bot`` as ``baraza run`` does)
against the project's fake Discord on 127.0.0.1 (tests/e2e/fake_discord.py). 40 attendees post
``--rate`` messages a second for ``--seconds`` seconds: mostly questions, some 👍 votes on earlier
questions (on the first few). Latency is the time from posting a question to the first board edit (as the fake
received it) whose content shows it; the edit rate is the most board edits in any 5 s window.
Discord's target: p95 <= 1.2 s while never more than 5 edits per 5 s.

The flood rule and the per-person cap are switched off (40 people at 10 messages/s each ask a
question every 5 s: they would be held, or ranked below the board at once) and the board shows
its maximum of 25 questions, so that every new question reaches it.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import logging
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.app import load_theme_classifier
from bot.classifier import ThemeClassifier
from bot.config import (
    BoardConfig,
    ClassifierConfig,
    Config,
    DiscordConfig,
    EventConfig,
    ModerationConfig,
    RankingConfig,
)
from bot.discord_runner import open_bot
from cogs.board import BOARD_TITLE
from tests.e2e.fake_discord import CLIENT_TEST_KWARGS, FakeDiscord, redirect_discord_py, run_client
from tests.e2e.test_bot_intake import body_text

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
VOTE_SHARE = 0.2
#: Votes go to the first few questions (as in a webinar, a few questions draw the votes), so the
#: rest of the board is left to the newest questions.
POPULAR = 8
WINDOW = 5.0


class _Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def max_in_window(times: list[float], window: float = WINDOW) -> int:
    """The most events in any half-open window [t, t + window)."""
    ordered = sorted(times)
    best, lo = 0, 0
    for hi, t in enumerate(ordered):
        while ordered[lo] <= t - window:
            lo += 1
        best = max(best, hi - lo + 1)
    return best


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def make_config(fake: FakeDiscord, classifier: str) -> Config:
    source = "ngram" if classifier == "ngram" else ClassifierConfig().source
    return Config(
        event=EventConfig(name="Board latency benchmark"),
        board=BoardConfig(top=25),
        classifier=ClassifierConfig(source=source),
        moderation=dataclasses.replace(ModerationConfig(), flood_max_questions=1000),
        ranking=dataclasses.replace(RankingConfig(), per_person_cap=100),
        discord=DiscordConfig(
            guild_id=fake.guild_id,
            intake_channels=[fake.channel_id("webinar-chat")],
            moderator_channel=fake.channel_id("moderators"),
        ),
    )


async def post_chat(
    fake: FakeDiscord, people: list[int], rate: float, seconds: float
) -> dict[str, float]:
    """Post the chat at ``rate`` messages/s; the marker of each question and when it was posted."""
    rng = random.Random(1)
    posted: dict[str, float] = {}
    question_ids: list[int] = []
    loop = asyncio.get_running_loop()
    start = loop.time()
    for n in range(int(rate * seconds)):
        await asyncio.sleep(max(0.0, start + n / rate - loop.time()))
        if question_ids and rng.random() < VOTE_SHARE:
            voter = rng.choice(people)
            await fake.reaction_add(voter, "webinar-chat", rng.choice(question_ids[:POPULAR]))
            continue
        marker = f"for group {n}?"
        text = f"What about {rng.choice(TOPICS)} {marker}"
        posted[marker] = time.monotonic()  # the fake stamps its requests with time.monotonic()
        message = await fake.message_create("webinar-chat", rng.choice(people), text)
        question_ids.append(int(message["id"]))
    return posted


async def run(rate: float, seconds: float, classifier_name: str) -> None:
    fake = FakeDiscord()
    people = [fake.add_member(f"attendee{i}") for i in range(40)]
    await fake.start()
    log_lines = _Lines()
    logging.getLogger("bot.discord_runner").addHandler(log_lines)
    logging.getLogger("bot.discord_runner").setLevel(logging.INFO)
    try:
        with redirect_discord_py(fake), tempfile.TemporaryDirectory() as folder:
            config = make_config(fake, classifier_name)
            classifier: ThemeClassifier | None = None
            if classifier_name == "ngram":
                classifier = load_theme_classifier(config)
            async with (
                open_bot(
                    config,
                    Path(folder) / "bench.sqlite3",
                    classifier=classifier,
                    **CLIENT_TEST_KWARGS,
                ) as bot,
                run_client(bot, fake, ready_timeout=120),
            ):
                name = bot.ctx.service.runner.classifier.name
                await fake.wait_for_request(
                    "POST", rf"/channels/{config.discord.moderator_channel}/messages", timeout=30
                )
                mark = fake.mark()
                posted = await post_chat(fake, people, rate, seconds)
                await asyncio.sleep(3)  # let the board catch up
    finally:
        await fake.stop()
    report(fake, mark, config.discord.moderator_channel, posted, name, log_lines.lines)


def report(
    fake: FakeDiscord,
    mark: int,
    channel: int,
    posted: dict[str, float],
    classifier: str,
    log_lines: list[str],
) -> None:
    edits = [
        (r.time, body_text(r.json))
        for r in fake.requests[mark:]
        if r.method == "PATCH"
        and r.path.startswith(f"/channels/{channel}/messages/")
        and BOARD_TITLE in body_text(r.json)
    ]
    latencies, missing = [], []
    for marker, at in posted.items():
        shown = next((t for t, text in edits if t >= at and marker in text), None)
        if shown is not None:
            latencies.append(shown - at)
        else:
            missing.append(marker)
    duration = edits[-1][0] - edits[0][0] if len(edits) > 1 else 0.0
    print(f"classifier: {classifier}")
    for line in log_lines:
        if "warm-up took" in line:
            print(f"start-up: {line}")
    print(f"questions posted: {len(posted)}, shown on the board: {len(latencies)}")
    if missing:
        print(f"  never shown: {', '.join(missing[:8])}")
    if latencies:
        print(
            f"message-to-board latency: p50 {statistics.median(latencies):.2f} s, "
            f"p95 {percentile(latencies, 0.95):.2f} s, max {max(latencies):.2f} s"
        )
    print(
        f"board edits: {len(edits)} in {duration:.0f} s, "
        f"max {max_in_window([t for t, _ in edits])} in any {WINDOW:g} s window"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=10.0, help="messages per second")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--classifier", choices=("ngram", "shipped"), default="ngram")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    asyncio.run(run(args.rate, args.seconds, args.classifier))


if __name__ == "__main__":
    main()
