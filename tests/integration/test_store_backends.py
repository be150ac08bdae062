"""The store's behaviour, on each backend (SQLite file, PostgreSQL server): parametrised.

Transactions, idempotency on source ids, one vote per person, forget leaving nothing behind,
migrations and refusals, and the export: the same on both.
"""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, date, datetime, timedelta

import pytest

from bot.app import open_service
from bot.config import Config
from bot.core.model import ChatMessage, QuestionState
from bot.store import OutsideUnitError, StoreError, open_store
from tests.helpers import KeywordClassifier

DAY = date(2026, 11, 20)
START = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def _message(i: int, text: str | None = None, who: str | None = None) -> ChatMessage:
    return ChatMessage(
        "discord",
        str(5000 + i),
        START + timedelta(seconds=i),
        who or f"Person {i % 7} ({'Kenya' if i % 2 else 'Netherlands'})",
        text or f"Q: How will the ministry fund partners in district {i}?",
    )


async def test_ingest_is_idempotent_and_votes_count_once(
    database: str, config: Config, classifier: KeywordClassifier
) -> None:
    async with open_service(config, database, classifier) as svc:
        svc.clock = lambda: START + timedelta(minutes=5)
        event = await svc.events.open("Backends", "discord", DAY)
        batch = [_message(i) for i in range(6)]
        first = await svc.intake.ingest(event.id, batch)
        again = await svc.intake.ingest(event.id, [*batch, _message(6)])
        assert (first.new, again.new, again.already_known) == (6, 1, 6)
        qid = first.question_ids[0]
        for _ in range(3):
            await svc.moderation.vote(qid, "discord:77", "Voter")
        await svc.moderation.vote(qid, "discord:78", "Other voter")
        assert await svc.moderation.vote(qid, "discord:78", "Other voter", add=False) == 1
        ranked = await svc.queue.ranked(event.id)
        assert len(ranked) == 7 and {e.votes for e in ranked} == {0, 1}
        assert await svc.store.read.questions.vote_count(event.id) == 1


async def test_message_voters_are_set_to_the_reactions_and_setting_twice_changes_nothing(
    database: str, config: Config, classifier: KeywordClassifier
) -> None:
    async with open_service(config, database, classifier) as svc:
        svc.clock = lambda: START + timedelta(minutes=5)
        event = await svc.events.open("Read back", "discord", DAY)
        result = await svc.intake.ingest(event.id, [_message(i) for i in range(3)])
        first, _, answered = result.question_ids
        await svc.moderation.vote(first, "discord:77", "Gone")
        await svc.moderation.vote(first, "console:5", "Voted elsewhere")
        await svc.moderation.set_state(answered, QuestionState.ANSWERED)
        moderation = svc.moderation

        voters = await moderation.message_voters(event.id, "discord")
        # open questions only (the answered one is left out), with their stored voters
        assert voters == {"5000": {"discord:77", "console:5"}, "5001": set()}
        now = {"discord:78": "Stays", "discord:79": "New"}
        changed = await moderation.set_message_voters(
            event.id, "discord", "5000", now, key_prefix="discord:"
        )
        again = await moderation.set_message_voters(
            event.id, "discord", "5000", now, key_prefix="discord:"
        )

        assert (changed, again) == ((2, 1), (0, 0))
        # a vote given elsewhere is no reaction of the message: kept
        assert await moderation.message_voters(event.id, "discord", "5000") == {
            "5000": {"discord:78", "discord:79", "console:5"}
        }
        assert (await svc.queue.question(first)).votes == 3
        assert (
            await moderation.set_message_voters(
                event.id, "discord", "5002", now, key_prefix="discord:"
            )
            is None
        )  # answered: not read back
        assert await moderation.message_voters(event.id, "discord", "404") == {}


async def test_a_failed_unit_leaves_nothing(
    database: str, config: Config, classifier: KeywordClassifier
) -> None:
    async with open_service(config, database, classifier) as svc:
        event = await svc.events.open("Rollback", "discord", DAY)
        with pytest.raises(RuntimeError):
            async with svc.store.unit() as uow:
                await uow.events.set_setting(event.id, "half", "1")
                raise RuntimeError("crash mid-way")
        assert await svc.events.setting(event.id, "half") is None
        with pytest.raises(OutsideUnitError):
            await svc.store.read.events.set_setting(event.id, "half", "1")
        # concurrent units in one process serialise; each is whole
        results = await asyncio.gather(
            *(svc.events.set_setting(event.id, f"k{i}", str(i)) for i in range(30))
        )
        assert len(results) == 30
        assert [await svc.events.setting(event.id, f"k{i}") for i in range(30)] == [
            str(i) for i in range(30)
        ]


async def test_forget_and_export_behave_the_same(
    database: str, config: Config, classifier: KeywordClassifier
) -> None:
    async with open_service(config, database, classifier) as svc:
        svc.clock = lambda: START + timedelta(minutes=5)
        event = await svc.events.open("Forget", "discord", DAY)
        await svc.intake.ingest(
            event.id,
            [
                _message(1, "Q: How do we protect activists in Nairobi?", "Grace Wanjiru"),
                _message(2, "I agree with Grace Wanjiru and WANJIRU's point", "Tom Bakker"),
                _message(3, "Q: What is the budget for core funding?", "Tom Bakker"),
            ],
        )
        await svc.people.import_registrants(
            event.id, [("Grace Wanjiru", "grace.w@example.org", "Kenya", "Haki", True)]
        )
        result = await svc.privacy.forget(event.id, "Grace Wanjiru")
        assert (result.participants, result.registrants) == (1, 1)
        doc = json.dumps(await svc.exports.document(event.id, include_names=True))
        assert "wanjiru" not in doc.lower() and "grace.w" not in doc
        assert "I agree with [name] and [name]'s point" in doc
        queue = [e.question.text for e in await svc.queue.ranked(event.id)]
        assert queue == ["What is the budget for core funding?"]


async def test_schema_version_and_reopening(database: str) -> None:
    store = await open_store(database)
    try:
        version = await store.schema_version()
    finally:
        await store.close()
    store = await open_store(database)
    try:
        assert await store.schema_version() == version >= 4
    finally:
        await store.close()


async def test_same_answers_on_both_backends(
    tmp_path, postgres_url: str, config: Config, classifier: KeywordClassifier
) -> None:
    outputs = []
    for where in (str(tmp_path / "a.sqlite3"), postgres_url):
        async with open_service(config, where, classifier) as svc:
            svc.clock = lambda: START + timedelta(minutes=20)
            event = await svc.events.open("Same", "discord", DAY)
            await svc.intake.ingest(event.id, [_message(i) for i in range(20)])
            entries = await svc.queue.ranked(event.id)
            await svc.moderation.vote(entries[3].question.id, "discord:1", "A")
            await svc.moderation.set_state(
                entries[0].question.id, entries[0].question.state.ANSWERED
            )
            outputs.append([e.as_json() for e in await svc.queue.ranked(event.id)])
    assert outputs[0] == outputs[1]


async def test_a_foreign_postgres_database_is_refused(postgres_url: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(postgres_url)
    await conn.execute("CREATE TABLE recipes(name TEXT)")
    await conn.close()
    with pytest.raises(StoreError, match="another program"):
        await open_store(postgres_url)


async def test_a_wrong_postgres_url_is_one_line(postgres_url: str) -> None:
    bad = postgres_url.rsplit(":", 1)[0] + ":1/nowhere"
    with pytest.raises(StoreError, match="cannot connect"):
        await open_store(bad)


async def test_every_process_hears_the_others_changes(
    postgres_url: str, config: Config, classifier: KeywordClassifier
) -> None:
    heard: asyncio.Queue[int] = asyncio.Queue()
    async with open_service(config, postgres_url, classifier) as board_side:
        board_side.add_listener(heard.put_nowait)
        async with open_service(config, postgres_url, classifier) as bot_side:
            event = await bot_side.events.open("Two processes", "discord", DAY)
            await bot_side.intake.ingest(event.id, [_message(1)])
            assert await asyncio.wait_for(heard.get(), timeout=5) == event.id
        assert [e.question.text for e in await board_side.queue.ranked(event.id)] == [
            "How will the ministry fund partners in district 1?"
        ]


async def test_copy_between_backends_keeps_everything(
    tmp_path, postgres_url: str, config: Config, classifier: KeywordClassifier
) -> None:
    from bot.store.copy import copy_database, counts

    source_path = str(tmp_path / "source.sqlite3")
    async with open_service(config, source_path, classifier) as svc:
        svc.clock = lambda: START + timedelta(minutes=20)
        event = await svc.events.open("Copy", "discord", DAY)
        result = await svc.intake.ingest(event.id, [_message(i) for i in range(12)])
        await svc.moderation.merge(
            result.question_ids[0], result.question_ids[5]
        )  # older into newer
        await svc.moderation.vote(result.question_ids[2], "discord:9", "Voter")
        await svc.queue.moderator_view(event.id)
        await svc.moderation.retag(result.question_ids[3], "civic")
        before = [e.as_json() for e in await svc.queue.ranked(event.id)]
    for target_where in (postgres_url, str(tmp_path / "back.sqlite3")):
        source, target = await open_store(source_path), await open_store(target_where)
        try:
            copied = await copy_database(source, target)
            assert copied == await counts(source)
            assert copied["votes"] == 1 and copied["board_views"] > 0 and copied["retags"] == 1
        finally:
            await source.close()
            await target.close()
        async with open_service(config, target_where, classifier) as svc:
            svc.clock = lambda: START + timedelta(minutes=20)
            assert [e.as_json() for e in await svc.queue.ranked(event.id)] == before
            # new rows continue after the copied ids
            more = await svc.intake.ingest(event.id, [_message(40 + len(before))])
            assert more.question_ids[0] > max(result.question_ids)
            before = [e.as_json() for e in await svc.queue.ranked(event.id)]
        source_path = target_where  # then copy PostgreSQL back into a new SQLite file
