"""One write path under load: concurrent use cases in one process, two importers on one file.

Before the unit of work, a vote or a board view committed whatever transaction another task had
open, and a reaction was applied again by a second importer. These tests would fail on that.
"""

from __future__ import annotations

import asyncio
import json
import random
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from bot.core.model import ChatMessage
from bot.store import OutsideUnitError
from bot.usecases import Service
from tests.integration.test_cli_errors import run_cli
from tests.synthetic import chat_file

DAY = date(2026, 11, 20)
START = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def _message(i: int) -> ChatMessage:
    who = f"Person {i % 40} ({'Kenya' if i % 3 else 'Netherlands'})"
    text = (
        f"Q: How will the ministry fund local partners in district {i}?" if i % 2 else f"hello {i}"
    )
    return ChatMessage("discord", str(1000 + i), START + timedelta(seconds=i), who, text)


async def test_a_hundred_concurrent_use_cases_on_one_store(service: Service) -> None:
    event = await service.events.open("Busy", "discord", DAY)
    first = await service.intake.ingest(
        event.id, [_message(i) for i in range(0, 20, 2)] + [_message(1)]
    )
    target = first.question_ids[0]
    rng = random.Random(7)
    tasks = []
    for n in range(100):
        kind = n % 3
        if kind == 0:
            tasks.append(service.intake.ingest(event.id, [_message(100 + n)]))
        elif kind == 1:
            voter = f"discord:{rng.randrange(30)}"
            tasks.append(service.moderation.vote(target, voter, voter, add=True))
        else:
            tasks.append(service.queue.moderator_view(event.id, top=10))
    results = await asyncio.gather(*tasks, return_exceptions=True)
    assert [r for r in results if isinstance(r, BaseException)] == []
    read = service.store.read
    messages = await read.messages.total(event.id)
    assert messages == 11 + 34  # 11 first, then one per ingest task (n % 3 == 0: 34 tasks)
    questions = await read.questions.all(event.id)
    # atomic ingest: every stored question message has its question, nothing half-done
    question_messages = {q.message_id for q in questions}
    counts = await read.messages.counts(event.id)
    assert counts.get("question", 0) == len(question_messages)
    voters = {f"discord:{random.Random(7).randrange(30)}"}  # at least one
    assert len((await read.questions.pooled_voters(event.id))[target]) >= len(voters)
    assert await read.questions.board_views(event.id)


async def test_a_failed_unit_rolls_back_while_others_write(service: Service) -> None:
    event = await service.events.open("Rollback", "discord", DAY)
    result = await service.intake.ingest(event.id, [_message(1)])
    question_id = result.question_ids[0]

    async def failing() -> None:
        async with service.store.unit() as uow:
            await uow.events.set_setting(event.id, "half.done", "1")
            await asyncio.sleep(0.05)  # others queue up for the lock meanwhile
            raise RuntimeError("the classifier crashed mid-way")

    others = [service.queue.moderator_view(event.id) for _ in range(20)]
    others += [service.moderation.vote(question_id, f"v{n}", f"v{n}") for n in range(20)]
    outcome = await asyncio.gather(failing(), *others, return_exceptions=True)
    assert isinstance(outcome[0], RuntimeError)
    assert not [r for r in outcome[1:] if isinstance(r, BaseException)]
    assert await service.events.setting(event.id, "half.done") is None
    assert len((await service.store.read.questions.pooled_voters(event.id))[question_id]) == 20


async def test_writing_outside_a_unit_fails_loudly(service: Service) -> None:
    event = await service.events.open("Reader", "discord", DAY)
    with pytest.raises(OutsideUnitError):
        await service.store.read.events.set_setting(event.id, "x", "1")
    async with service.store.unit() as uow:
        kept = uow
    with pytest.raises(OutsideUnitError):  # a unit's repositories die with it
        await kept.events.set_setting(event.id, "x", "1")


def _queue_and_counts(folder: Path, db: Path) -> tuple[list[dict[str, object]], str]:
    queue = run_cli(
        "queue", "--json", "--config", "config.toml", env_extra={"BARAZA_DB": str(db)}, cwd=folder
    )
    assert queue.returncode == 0, queue.stderr
    entries = json.loads(queue.stdout)
    for entry in entries:
        entry.pop("age_minutes")
    import sqlite3

    with sqlite3.connect(db) as conn:
        counts = conn.execute(
            "SELECT (SELECT COUNT(*) FROM messages), (SELECT COUNT(*) FROM votes),"
            " (SELECT COUNT(*) FROM questions), (SELECT COUNT(*) FROM participants)"
        ).fetchone()
    return entries, repr(counts)


@pytest.mark.slow
def test_two_processes_importing_one_file_give_the_single_import_result(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text('[classifier]\nsource = "ngram"\n')
    chat = tmp_path / "meeting_saved_chat.txt"
    chat.write_text(chat_file(1500, seed=3), encoding="utf-8")
    args = [
        "import-zoom",
        str(chat),
        "--event",
        "Twice",
        "--date",
        "2026-11-20",
        "--config",
        "config.toml",
    ]
    single = tmp_path / "single.sqlite3"
    assert run_cli(*args, env_extra={"BARAZA_DB": str(single)}, cwd=tmp_path).returncode == 0
    shared = tmp_path / "shared.sqlite3"
    import os

    env = {
        **{k: v for k, v in os.environ.items() if k != "BARAZA_CONFIG"},
        "BARAZA_DB": str(shared),
    }
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "bot.cli", *args],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        assert "Traceback" not in err
    assert _queue_and_counts(tmp_path, shared) == _queue_and_counts(tmp_path, single)


async def test_cancelling_a_unit_at_any_moment_keeps_the_cancel_and_the_store(
    service: Service,
) -> None:
    """A board task cancelled at shutdown must end with CancelledError: a rollback error in its
    place was caught as a crash and the task lived on, and the bot's shutdown waited forever."""
    event = await service.events.open("Cancel", "discord", DAY)
    outcomes: set[str] = set()
    for attempt in range(60):
        task = asyncio.create_task(
            service.intake.ingest(event.id, [_message(2000 + attempt)])
            if attempt % 2
            else service.events.set_setting(event.id, f"k{attempt}", "v")
        )
        await asyncio.sleep((attempt % 12) * 0.0004)
        task.cancel()
        try:
            await task
            outcomes.add("finished")
        except asyncio.CancelledError:
            outcomes.add("cancelled")
    assert outcomes <= {"finished", "cancelled"}
    await service.events.set_setting(event.id, "after", "1")  # the writer is in a known state
    assert await service.events.setting(event.id, "after") == "1"
    stored = await service.store.read.messages.total(event.id)
    questions = await service.store.read.questions.all(event.id)
    assert len(questions) <= stored  # nothing half-written: no question without its message
