"""A forgotten person stays forgotten in the event: no import brings them back (both backends).

``forget`` records keyed hashes of the person's names, emails and source keys; a later
registration report (the same, or a corrected one), a re-imported or grown chat, a Q&A report
or a webhook message finds them there and does not re-create them. The database (the SQLite
file and its side files; PostgreSQL's table files) and every export format are searched for
their name, email and organisation afterwards.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.app import open_service
from bot.config import Config
from bot.core.model import ChatMessage, Region
from bot.core.text import name_key
from bot.registrations import import_registrants
from bot.sources.zoom import Registrant, parse_chat_text
from bot.sources.zoom_qa import parse_qa_report
from bot.store import backend as store_backend
from bot.store import open_store
from bot.usecases import Service
from tests.helpers import KeywordClassifier
from tests.integration.test_privacy import _exports

DAY = date(2026, 11, 20)
CHAT = """\
10:01:00 From  Grace Wanjiru (Kenya)  to  Everyone:
\tQ: How can the ministry protect activists who face arrest?
10:02:00 From  Tom Bakker  to  Everyone:
\tI fully agree with Grace Wanjiru on protection
10:03:00 From  Ana Lima  to  Everyone:
\tQ: What does the new civic space fund mean for activists in Kenya?
10:04:00 From  Grace Wanjiru (Kenya)  to  Everyone:
\tReacted to "Q: What does the new civic..." with 👍
"""
#: the same chat, grown: Grace writes again (a question, a vote, a DM), Tom asks a question
GROWN = (
    CHAT
    + """\
10:05:00 From  Grace Wanjiru  to  Everyone:
\tQ: Will the fund pay for lawyers of the Nairobi defenders network?
10:06:00 From  Tom Bakker  to  Everyone:
\tQ: How are small partners in Mali reached by the fund?
10:07:00 From  Grace Wanjiru (Kenya)  to  Tom Bakker(Direct Message):
\tTom, write to me at grace.w@example.org
10:08:00 From  Grace Wanjiru (Kenya)  to  Everyone:
\tReacted to "Q: How are small partners..." with 👍
10:09:00 From  Ana Lima  to  Everyone:
\tThanks GRACE   wanjiru! Her notes: mail Grace.W@example.org
10:10:00 From  Tom Bakker  to  Grace Wanjiru (Kenya)(Direct Message):
\tI will
"""
)
REPORT = [
    ("Grace Wanjiru", "grace.w@example.org", "Kenya", "Haki Africa", True),
    ("Tom Bakker", "tom@example.org", "Netherlands", "Partos", True),
    ("Ana Lima", "ana@example.org", "Brazil", "Abong", False),
]
#: a corrected report: Grace's row changed, and a row under another spelling with her address
CORRECTED = [
    ("Grace Wanjiru", "Grace.W@Example.org", "Tanzania", "Haki Africa Trust", True),
    ("G. Wanjiru-Otieno", "GRACE.W@example.org ", "Kenya", "Haki Africa", True),
    ("Tom Bakker", "tom@example.org", "Ghana", "Partos", True),
    ("Ana Lima", "ana@example.org", "Brazil", "Abong", False),
]
QA = """\
Question,Asker Name,Asker Email,Answer(s),Upvote(s)
Can the fund cover the Nairobi defenders network?,Grace Wanjiru,grace.w@example.org,,3
How will partners in Mali be reached?,Ana Lima,ana@example.org,,1
"""
NEEDLES = ("wanjiru", "grace.w@", "haki africa", "protect activists", "nairobi defenders")


async def _database_bytes(where: str, request: pytest.FixtureRequest) -> bytes:
    """Every byte of the database, lower-cased: the SQLite file and its side files, or the
    PostgreSQL database's folder in the test cluster (its table and index files)."""
    if not where.startswith("postgresql://"):
        folder = Path(where).parent
        files = [p for p in folder.iterdir() if p.name.startswith(Path(where).name)]
        return b"".join(p.read_bytes() for p in files).lower()
    import asyncpg

    cluster = request.getfixturevalue("postgres_cluster")
    if cluster.data_folder is None:
        pytest.skip("a PostgreSQL server given by URL: its files are not readable here")
    conn = await asyncpg.connect(where)
    try:
        await conn.execute("CHECKPOINT")
        oid = await conn.fetchval("SELECT oid FROM pg_database WHERE datname = current_database()")
    finally:
        await conn.close()
    folder = cluster.data_folder / "base" / str(oid)
    return b"".join(p.read_bytes() for p in folder.iterdir() if p.is_file()).lower()


async def _ingest(svc: Service, event_id: int, chat: str) -> Any:
    return await svc.intake.ingest(event_id, parse_chat_text(chat, DAY, tz=UTC))


async def _dump(svc: Service) -> str:
    """Every row of the tables that hold people, as text (lower-cased)."""
    parts = []
    for table in ("participants", "registrants", "messages", "questions", "settings"):
        parts.append(json.dumps([list(r) for r in await svc.store.read.db.all(
            f"SELECT * FROM {table}"
        )], default=str))  # fmt: skip
    return " ".join(parts).lower()


async def test_forgotten_person_stays_forgotten_after_every_import(
    database: str,
    config: Config,
    classifier: KeywordClassifier,
    request: pytest.FixtureRequest,
    capsys: pytest.CaptureFixture[str],
) -> None:
    async with open_service(config, database, classifier) as svc:
        svc.clock = lambda: datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
        event = await svc.events.open("Dialogue", "zoom", DAY)
        await _ingest(svc, event.id, CHAT)
        await svc.people.import_registrants(event.id, REPORT)
        result = await svc.privacy.forget(event.id, "grace wanjiru")
        assert (result.participants, result.registrants) == (1, 1)

        # the same registration report again: her row is skipped and counted, never named
        again = await svc.people.import_registrants(event.id, REPORT)
        assert (again.count, again.skipped_forgotten) == (2, 1)
        # a corrected report: her changed row and a row under another name with her address
        corrected = await svc.people.import_registrants(event.id, CORRECTED)
        assert (corrected.count, corrected.skipped_forgotten) == (2, 2)
        # the CLI/serve summary says how many, not who
        capsys.readouterr()
        rows = [
            Registrant(r[0].split(" ", 1)[0], r[0].split(" ", 1)[1], r[1], r[2], r[3], r[4])
            for r in CORRECTED
        ]
        await import_registrants(svc, event.id, rows)
        err = capsys.readouterr().err
        assert "2 registrant(s) skipped as forgotten" in err
        assert "wanjiru" not in err.lower() and "grace" not in err.lower()

        # the same chat again: every message is known, nobody is created
        same = await _ingest(svc, event.id, CHAT)
        assert (same.new, same.already_known) == (0, 4)
        # the chat grown: her new messages are kept as removed placeholders, nothing else
        grown = await _ingest(svc, event.id, GROWN)
        assert (grown.new, grown.questions, grown.votes_added) == (6, 1, 0)
        again_grown = await _ingest(svc, event.id, GROWN)
        assert again_grown.new == 0
        # the Q&A report and a webhook message (the address as the source key)
        for entry in parse_qa_report(QA, DAY, UTC):
            await svc.intake.ingest(event.id, [entry.question])
        webhook = ChatMessage(
            "zoom-webhook",
            "wh-1",
            datetime(2026, 11, 20, 10, 30, tzinfo=UTC),
            "Grace Wanjiru",
            "Q: Is there a hotline for the Nairobi defenders network?",
            author_email="grace.w@example.org",
            author_key="grace.w@example.org",
        )
        await svc.intake.ingest(event.id, [webhook])

        texts = [r[0] for r in await svc.store.read.db.all("SELECT text FROM messages")]
        assert "Thanks [name]! Her notes: mail [email removed]" in texts
        people = await svc.store.read.people.all(event.id)
        names = sorted(p.display_name for p in people)
        assert names == [
            "(removed at their request)",
            "(removed at their request)",
            "Ana Lima",
            "Tom Bakker",
        ]
        tom = next(p for p in people if p.display_name == "Tom Bakker")
        assert tom.country == "GH"  # other people follow the corrected report
        queue = sorted(e.question.text for e in await svc.queue.ranked(event.id))
        assert queue == [
            "How are small partners in Mali reached by the fund?",
            "How will partners in Mali be reached?",
            "What does the new civic space fund mean for activists in Kenya?",
        ]
        assert all(e.votes == 0 for e in await svc.queue.ranked(event.id))
        doc = await svc.exports.document(event.id, include_names=True)
        dump = await _dump(svc)
        stored = await svc.store.read.db.all("SELECT kind, digest FROM forgotten")
        assert stored and all(len(d) == 64 for _, d in stored)
    for fmt, text in _exports(doc).items():
        for needle in NEEDLES:
            assert needle not in text.lower(), (fmt, needle)
    for needle in NEEDLES:
        assert needle not in dump, needle
    data = await _database_bytes(database, request)
    for needle in NEEDLES:
        assert needle.encode() not in data, needle
    assert b"tom bakker" in data and b"ana lima" in data  # the others are all there


async def test_forget_of_one_account_leaves_namesakes_alone(
    database: str, config: Config, classifier: KeywordClassifier
) -> None:
    """``/forget`` (one Discord account): that account stays forgotten, its registration rows
    too; another account with the same display name still takes part."""

    def message(n: int, who: str, key: str, text: str) -> ChatMessage:
        at = datetime(2026, 11, 20, 10, n, tzinfo=UTC)
        return ChatMessage("discord", str(n), at, who, text, author_key=key)

    async with open_service(config, database, classifier) as svc:
        svc.clock = lambda: datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
        event = await svc.events.open("Discord", "discord", DAY)
        await svc.intake.ingest(
            event.id, [message(1, "Alex", "discord:1", "Q: Who decides on the grants?")]
        )
        await svc.people.import_registrants(event.id, [("Alex", "alex@example.org", "Peru", None)])
        assert await svc.privacy.forget_person(event.id, "discord:1")
        result = await svc.intake.ingest(
            event.id,
            [
                message(2, "Alex", "discord:1", "Q: And who checks the grants afterwards?"),
                message(3, "Alex", "discord:2", "Q: Who evaluates the impact of small grants?"),
            ],
        )
        assert result.questions == 1
        again = await svc.people.import_registrants(
            event.id, [("Alex", "alex@example.org", "Peru", None)]
        )
        assert again.skipped_forgotten == 1
        # a vote and an /iam of the forgotten account record nothing
        (entry,) = await svc.queue.ranked(event.id)
        assert await svc.moderation.vote(entry.question.id, "discord:1", "Alex") == 0
        back = await svc.people.declare_country(event.id, "discord:1", "Alex", "Peru")
        assert (back.display_name, back.country) == ("(removed at their request)", None)
        keys = sorted(p.name_key for p in await svc.store.read.people.all(event.id))
        assert keys[0] == "discord:2" and all(k.startswith("forgotten:") for k in keys[1:])


async def test_the_migration_upgrades_a_database_of_the_previous_version(
    database: str,
    config: Config,
    classifier: KeywordClassifier,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A database made by the previous schema (version 6) opens, gains the suppression table
    with its data intact, and forget then keeps the person out of a re-imported report."""
    real: Callable[[str], list[tuple[int, str, str]]] = store_backend.migrations
    latest = real("sqlite")[-1][0]
    assert latest == real("postgresql")[-1][0]

    def previous(dialect: str = "sqlite") -> list[tuple[int, str, str]]:
        return [m for m in real(dialect) if m[0] < latest]

    with monkeypatch.context() as patch:
        patch.setattr("bot.store.sqlite.migrations", previous)
        patch.setattr("bot.store.postgres.migrations", previous)
        old = await open_store(database)
        try:  # what the previous version wrote: an event, a participant, the report
            assert await old.schema_version() == latest - 1
            async with old.unit() as uow:
                event = await uow.events.get_or_create("Old", "zoom", DAY)
                await uow.people.add(
                    event.id,
                    "grace wanjiru kenya",
                    "Grace Wanjiru (Kenya)",
                    email=None,
                    organisation="Haki Africa",
                    country="KE",
                    region=Region.SOUTH,
                    region_source="registration",
                    is_host=False,
                )
                await uow.people.replace_registrants(
                    event.id, [(name_key(r[0]), *r) for r in REPORT]
                )
        finally:
            await old.close()
    store = await open_store(database)
    try:
        assert await store.schema_version() == latest
        assert await store.read.privacy.forgotten(event.id) == {}
        assert len(await store.read.people.registrant_names(event.id)) == 3
    finally:
        await store.close()
    async with open_service(config, database, classifier) as svc:
        assert (await svc.privacy.forget(event.id, "Grace Wanjiru")).participants == 1
        assert (await svc.people.import_registrants(event.id, REPORT)).skipped_forgotten == 1
        assert len(await svc.store.read.people.registrant_names(event.id)) == 2
