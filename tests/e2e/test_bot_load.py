"""A busy webinar chat, gateway faults and a crash: nothing lost, nothing doubled, no errors.

The scenario (issue 11, first acceptance point). ``baraza run`` runs in a process of its own
(``tests.e2e.fake_discord.bot_process``: the real CLI and discord.py client, the n-gram
classifier, a real SQLite file) against the fake Discord served by this test.

1. 40 members post 600 messages in about 60 s (10 a second; about two thirds are questions,
   the rest chatter) while members add 👍 to questions and chatter and take some back.
2. At message 150 Discord sends RECONNECT (op 7); at message 300 it closes the socket with a
   resumable code (4000). Both times the client RESUMEs and the events it missed are replayed.
3. At message 400 the bot process is killed with SIGKILL. 30 messages are posted while it is
   down, and some 👍 are added to and taken back from earlier questions.
4. The bot is started again and the chat goes on at once: live messages reach the new process
   before and while it reads the channel back (discord.py delivers ``on_message`` before
   ``on_ready``, and READY waits ``guild_ready_timeout``). As on real Discord, events from before
   the new session's IDENTIFY are never delivered to it (``replay_on_identify=False``): the bot
   can only get those messages from the channel history.

Then every message is in the database exactly once and the bot's log has no ``Ignoring
exception``, no traceback and no ERROR line.

Votes: the votes table must equal the 👍 the members have on Discord at the end, on messages
that are questions (a 👍 on chatter is no vote). A 👍 given while the bot was down came as no
event, nor did one taken back: the restarted bot reads the reactions back after the catch-up, so
the first is counted and the second is not. The test checks both cases explicitly. Around the
crash, members stop reacting until the bot has stored the 👍 it had been sent, and start again as
soon as the new process has logged in. Their 👍 then reach the bot before and while it reads back
the messages and reactions they are on. Live 👍 also come as early as the moment their message
is posted. All must end as Discord has them.
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import sqlite3
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.e2e.fake_discord import FakeDiscord

pytestmark = [pytest.mark.slow, pytest.mark.fake_discord(replay_on_identify=False)]

REPO = Path(__file__).resolve().parents[2]

MEMBERS = 40
MESSAGES = 600
RATE = 10.0  # messages per second
RECONNECT_AT = 150
RESUMABLE_CLOSE_AT = 300
KILL_AT = 400
DOWN = 30  # messages posted while the bot is down
QUIET_BEFORE_KILL = 30  # members stop reacting this many messages before the kill
REACTIONS_PER_MESSAGE = 0.9
TAKE_BACK = 0.2  # share of reactions that are taken back later

Vote = tuple[int, int]  # (Discord message id, Discord user id)


@dataclass
class Db:
    """Read-only looks into the bot's SQLite file (the bot keeps writing to it)."""

    path: Path

    def _rows(self, sql: str) -> list[tuple[object, ...]]:
        if not self.path.exists():
            return []
        conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=10)
        try:
            return conn.execute(sql).fetchall()
        except sqlite3.OperationalError:
            return []  # tables not created yet
        finally:
            conn.close()

    def message_ids(self) -> list[int]:
        """Every stored Discord message id (with repeats, if any)."""
        return [
            int(str(r[0]))
            for r in self._rows("SELECT source_message_id FROM messages WHERE source='discord'")
        ]

    def question_message_ids(self) -> set[int]:
        rows = self._rows(
            "SELECT m.source_message_id FROM questions q JOIN messages m ON m.id = q.message_id"
            " WHERE m.source='discord'"
        )
        return {int(str(r[0])) for r in rows}

    def votes(self) -> list[Vote]:
        rows = self._rows(
            "SELECT m.source_message_id, p.person_key FROM votes v"
            " JOIN questions q ON q.id = v.question_id JOIN messages m ON m.id = q.message_id"
            " JOIN participants p ON p.id = v.participant_id"
        )
        return [(int(str(m)), int(str(p).removeprefix("discord:"))) for m, p in rows]


@dataclass
class BotProcess:
    """``baraza run`` in a child process, its output in a log file."""

    fake: FakeDiscord
    config: Path
    db: Path
    logs: list[Path] = field(default_factory=list)
    proc: asyncio.subprocess.Process | None = None

    async def start(self) -> None:
        log_path = self.db.parent / f"bot-{len(self.logs) + 1}.log"
        self.logs.append(log_path)
        env = {k: v for k, v in os.environ.items() if not k.startswith("BARAZA_")}
        env["DISCORD_TOKEN"] = self.fake.token
        env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")]).rstrip(":")
        with log_path.open("wb") as out:
            self.proc = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "tests.e2e.fake_discord.bot_process",
                self.fake.base_url,
                "run",
                "--config",
                str(self.config),
                "--db",
                str(self.db),
                "-v",
                cwd=REPO,
                env=env,
                stdout=out,
                stderr=asyncio.subprocess.STDOUT,
            )

    async def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        assert await self.proc.wait() == -signal.SIGKILL

    async def stop(self) -> int:
        """SIGTERM (a graceful close); the exit code."""
        assert self.proc is not None
        if self.proc.returncode is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            return await asyncio.wait_for(self.proc.wait(), timeout=30)
        except TimeoutError:
            self.proc.kill()
            await self.proc.wait()
            raise

    def log_text(self) -> str:
        return "\n".join(
            f"===== {p.name} =====\n" + p.read_text(errors="replace") for p in self.logs
        )


async def eventually(check: Callable[[], bool], timeout: float) -> bool:  # noqa: ASYNC109
    """Poll ``check`` (run in a thread: it reads SQLite) until true or ``timeout`` s pass."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if await asyncio.to_thread(check):
            return True
        await asyncio.sleep(0.25)
    return False


@dataclass
class Webinar:
    """The chat: who posts what, and which 👍 the bot was told about."""

    fake: FakeDiscord
    db: Db
    rng: random.Random = field(default_factory=lambda: random.Random(11))
    members: list[int] = field(default_factory=list)
    posted: list[tuple[int, int, float, bool]] = field(default_factory=list)  # id, author, t, q
    #: current 👍 state as Discord knows it
    reacted: set[Vote] = field(default_factory=set)
    #: 👍 state as the bot was told it (events delivered to a live session)
    told: set[Vote] = field(default_factory=set)
    bot_up: bool = False
    reacting: bool = False
    added_while_down: set[Vote] = field(default_factory=set)
    removed_while_down: set[Vote] = field(default_factory=set)

    @property
    def chat(self) -> int:
        return self.fake.channel_id("webinar-chat")

    def text(self, i: int, author: int, question: bool) -> str:
        name = self.fake.users[author]["username"]
        topics = ("civic space", "climate finance", "youth jobs", "land rights", "health aid")
        topic = topics[i % len(topics)]
        if question:
            if i % 3:
                return f"How will the {topic} programme reach partners in district {i}?"
            return f"Q: what does the ministry plan for {topic} after year {i}?"
        return f"Thanks {name}, interesting point about {topic} (note {i})"

    async def post(self, i: int) -> None:
        author = self.rng.choice(self.members)
        question = self.rng.random() < 0.65
        message = await self.fake.message_create(self.chat, author, self.text(i, author, question))
        self.posted.append((int(message["id"]), author, time.monotonic(), question))

    async def react(self, vote: Vote, *, add: bool) -> None:
        message_id, user = vote
        if add:
            self.reacted.add(vote)
            await self.fake.reaction_add(user, self.chat, message_id)
        else:
            self.reacted.discard(vote)
            await self.fake.reaction_remove(user, self.chat, message_id)
        if self.bot_up:
            (self.told.add if add else self.told.discard)(vote)
        else:
            (self.added_while_down if add else self.removed_while_down).add(vote)

    def new_vote(self, min_age: float) -> Vote | None:
        """A member's 👍 on a message posted at least ``min_age`` s ago (not their own)."""
        now = time.monotonic()
        old = [p for p in self.posted if now - p[2] >= min_age]
        if not old:
            return None
        # mostly recent questions, sometimes chatter
        message_id, author, _, question = self.rng.choice(old[-80:])
        if not question and self.rng.random() < 0.7:
            return None
        voter = self.rng.choice([m for m in self.members if m != author])
        vote = (message_id, voter)
        return None if vote in self.reacted else vote

    async def voters(self) -> None:
        """Members react while ``reacting`` is set: add 👍, sometimes take one back."""
        while True:
            await asyncio.sleep(1 / (RATE * REACTIONS_PER_MESSAGE))
            if not self.reacting:
                continue
            if self.reacted and self.rng.random() < TAKE_BACK:
                await self.react(self.rng.choice(sorted(self.reacted)), add=False)
                continue
            for _ in range(10):
                if (vote := self.new_vote(min_age=self.rng.uniform(0.0, 2.0))) is not None:
                    await self.react(vote, add=True)
                    break

    def expected_votes(self) -> set[Vote]:
        """The 👍 on questions as Discord has them now (read back after the restart)."""
        questions = self.db.question_message_ids()
        return {v for v in self.reacted if v[0] in questions}

    def votes_match(self) -> bool:
        return set(self.db.votes()) == self.expected_votes()


def write_config(fake: FakeDiscord, path: Path) -> Path:
    path.write_text(
        "[event]\n"
        'name = "Load and fault webinar"\n'
        "[classifier]\n"
        'source = "ngram"\n'
        "[discord]\n"
        f"guild_id = {fake.guild_id}\n"
        f"intake_channels = [{fake.channel_id('webinar-chat')}]\n"
        f"moderator_channel = {fake.channel_id('moderators')}\n",
        encoding="utf-8",
    )
    return path


async def test_busy_chat_with_reconnects_and_a_crash_loses_and_doubles_nothing(
    fake_discord: FakeDiscord, tmp_path: Path
) -> None:
    fake = fake_discord
    db = Db(tmp_path / "baraza.sqlite3")
    bot = BotProcess(fake, write_config(fake, tmp_path / "config.toml"), db.path)
    webinar = Webinar(fake, db)
    webinar.members = [fake.add_member(f"member{n:02d}") for n in range(MEMBERS)]
    mod_channel = fake.channel_id("moderators")

    started = time.monotonic()
    await bot.start()
    await fake.wait_for_request("POST", rf"/channels/{mod_channel}/messages", timeout=90)
    webinar.bot_up = webinar.reacting = True
    voters = asyncio.create_task(webinar.voters())
    timings: dict[str, float] = {"start-up": time.monotonic() - started}

    try:
        chat_start = time.monotonic()
        for i in range(MESSAGES):
            await asyncio.sleep(max(0.0, chat_start + i / RATE - time.monotonic()))
            if i == RECONNECT_AT:
                await fake.send_reconnect()
            elif i == RESUMABLE_CLOSE_AT:
                await fake.close_gateway(4000)
            elif i == KILL_AT - QUIET_BEFORE_KILL:
                webinar.reacting = False
            elif i == KILL_AT:
                await crash(webinar, bot)
            elif i == KILL_AT + DOWN:
                await bot.start()  # and the chat goes on at once
                read_back = asyncio.create_task(back_on_line(webinar))
            await webinar.post(i)
        timings["chat"] = time.monotonic() - chat_start
    finally:
        voters.cancel()
    assert await read_back, "the messages posted while the bot was down were not read back"

    everything = await eventually(lambda: len(db.message_ids()) >= MESSAGES, timeout=60)
    await eventually(webinar.votes_match, timeout=20)
    timings["settle"] = time.monotonic() - chat_start - timings["chat"]
    code = await bot.stop()
    log = bot.log_text()
    print(
        f"timings {timings}; {len(fake.identifies)} identifies, {len(fake.resumes)} resumes;"
        f" {len(webinar.told)} 👍 told, {len(db.votes())} votes"
    )

    # -- every message exactly once
    stored = db.message_ids()
    posted = [p[0] for p in webinar.posted]
    missing = sorted(set(posted) - set(stored))
    assert everything and not missing, f"{len(missing)} messages lost: {missing[:20]}"
    assert sorted(stored) == sorted(posted), "messages stored twice or not posted"

    # -- every vote once, as Discord has the 👍 now (those given or taken back while down too)
    votes = db.votes()
    assert len(votes) == len(set(votes))
    expected = webinar.expected_votes()
    assert set(votes) == expected, (
        f"missing votes {sorted(expected - set(votes))[:10]}, "
        f"extra votes {sorted(set(votes) - expected)[:10]}"
    )
    assert len(expected) > 150  # a meaningful number of votes (about 220-250 a run)
    # read back after the restart: 👍 given while down are counted, 👍 taken back while down
    # are not (unless given again live later)
    questions = db.question_message_ids()
    added_down = {v for v in webinar.added_while_down if v[0] in questions}
    removed_down = {v for v in webinar.removed_while_down if v[0] in questions}
    assert added_down and removed_down
    assert added_down & webinar.reacted <= set(votes)
    assert not (removed_down - webinar.reacted) & set(votes)

    # -- the faults happened as planned
    assert len(fake.resumes) == 2, "RECONNECT and the resumable close are both resumed"
    assert len(fake.identifies) == 2, "one login per process"

    # -- the restarted bot did get live messages before it was ready (and read back after)
    restart_log = bot.logs[1].read_text(errors="replace").splitlines()
    ready = next(n for n, line in enumerate(restart_log) if "bot.discord_runner: ready as" in line)
    assert any("cogs.intake: message" in line for line in restart_log[:ready]), restart_log[:ready]

    # -- a clean log
    assert "Ignoring exception" not in log, log[-5000:]
    assert "Traceback" not in log, log[-5000:]
    errors = [line for line in log.splitlines() if line.startswith(("ERROR", "CRITICAL"))]
    assert not errors, errors
    assert code == 0, log[-3000:]


async def crash(webinar: Webinar, bot: BotProcess) -> None:
    """Wait until the bot has stored the 👍 it was sent, kill it, react while it is down."""
    # the bot was up until now (the reconnects were resumed): Discord's 👍 are what it was told
    assert webinar.reacted == webinar.told
    assert await eventually(webinar.votes_match, timeout=20), "votes not settled before the kill"
    await bot.kill()
    webinar.bot_up = False
    # While it is down, members vote on and take back votes from earlier questions.
    earlier = [p for p in webinar.posted if p[3]]
    for message_id, author, _, _ in webinar.rng.sample(earlier, 8):
        voter = webinar.rng.choice([m for m in webinar.members if m != author])
        if (message_id, voter) not in webinar.reacted:
            await webinar.react((message_id, voter), add=True)
    for vote in webinar.rng.sample(sorted(webinar.told), 5):
        await webinar.react(vote, add=False)


async def back_on_line(webinar: Webinar) -> bool:
    """Members react again once the new process has logged in; True once it has read back
    everything posted before that."""
    await webinar.fake.wait_for_identify(2, timeout=60)
    webinar.bot_up = webinar.reacting = True
    before = {p[0] for p in webinar.posted}
    return await eventually(lambda: before <= set(webinar.db.message_ids()), timeout=60)
