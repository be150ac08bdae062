"""Nothing leaked: forget leaves no byte of the person in the file, consent is never guessed."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

from bot.app import open_service
from bot.config import Config
from bot.export.transcript import render
from bot.sources.zoom import parse_chat_text
from bot.usecases import Service
from tests.helpers import KeywordClassifier

DAY = date(2026, 11, 20)
CHAT = """\
10:01:00 From  Grace Wanjiru (Kenya)  to  Everyone:
\tQ: How can the ministry protect activists who face arrest?
10:02:00 From  Tom Bakker  to  Everyone:
\tI fully agree with Grace Wanjiru, and Wanjiru's point on protection
10:03:00 From  Ana Lima  to  Everyone:
\tgrace wanjiru said it well, WANJIRU knows the field. Mail grace.w@example.org
10:04:00 From  Tom Bakker  to  Grace Wanjiru (Kenya)(Direct Message):
\tGrace, call me on +31 6 1234 5678
10:05:00 From  Ana Lima  to  Everyone:
\tQ: What does the new civic space fund mean for activists in Kenya?
10:06:00 From  Grace Wanjiru (Kenya)  to  Everyone:
\tReacted to "Q: What does the new civic..." with 👍
"""
GRACE = ("Grace Wanjiru", "grace.w@example.org", "Kenya", "Haki Africa")


def _exports(doc: dict[str, object]) -> dict[str, str]:
    out = {}
    for fmt in ("md", "html", "csv", "json", "docx"):
        data = render(doc, fmt, "en")
        if fmt == "docx":
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                out[fmt] = z.read("word/document.xml").decode()
        else:
            out[fmt] = data.decode()
    return out


def _database_bytes(folder: Path) -> bytes:
    """The database file and its WAL/SHM side files, lower-cased for a byte search."""
    files = [p for p in folder.iterdir() if p.name.startswith("baraza.sqlite3")]
    return b"".join(p.read_bytes() for p in files).lower()


async def _ingest(svc: Service, chat: str, name: str = "Dialogue") -> int:
    event = await svc.events.open(name, "zoom", DAY)
    await svc.intake.ingest(event.id, parse_chat_text(chat, DAY, tz=UTC))
    return event.id


async def test_forget_leaves_nothing_in_the_database_files(
    tmp_path: Path, config: Config, classifier: KeywordClassifier
) -> None:
    db = tmp_path / "baraza.sqlite3"
    async with open_service(config, db, classifier) as svc:
        event_id = await _ingest(svc, CHAT)
        await svc.people.import_registrants(event_id, [(*GRACE, True)])
        before = json.dumps(await svc.exports.document(event_id), ensure_ascii=False)
        assert "Wanjiru" not in before  # pseudonymised already, but the file still holds her
        result = await svc.privacy.forget(event_id, "grace wanjiru")
        assert (result.participants, result.registrants) == (1, 1)
        assert result.mentions >= 3
        doc = await svc.exports.document(event_id, include_names=True)
        texts = [e.question.text for e in await svc.queue.ranked(event_id)]
        votes = {e.question.id: e.votes for e in await svc.queue.ranked(event_id)}
    for fmt, text in _exports(doc).items():
        assert "wanjiru" not in text.lower(), fmt
        assert "grace.w@" not in text.lower(), fmt
    assert "protect activists" not in " ".join(texts)
    assert list(votes.values()) == [0]  # her vote on Ana's question went with her
    data = _database_bytes(tmp_path)
    for needle in ("wanjiru", "grace.w@example.org", "haki africa", "protect activists"):
        assert needle.encode() not in data, needle
    # the others' messages are still there, with [name] where she was mentioned
    assert "I fully agree with [name], and [name]'s point" in json.dumps(doc, ensure_ascii=False)


async def test_two_registrants_with_one_name_consent_only_together(
    tmp_path: Path, config: Config, classifier: KeywordClassifier
) -> None:
    chat = "10:01:00 From  Jan Smit  to  Everyone:\n\tQ: Who funds the civic space programme?\n"
    async with open_service(config, tmp_path / "b.sqlite3", classifier) as svc:
        event_id = await _ingest(svc, chat)
        result = await svc.people.import_registrants(
            event_id,
            [
                ("Jan Smit", "jan1@example.nl", "Netherlands", "Partos", True),
                ("Jan Smit", "jan2@example.org", "Kenya", "Kituo", False),
            ],
        )
        assert result.ambiguous == ["Jan Smit"]
        doc = json.dumps(await svc.exports.document(event_id, include_names=True))
        (entry,) = await svc.queue.ranked(event_id)
    assert "Jan Smit" not in doc and "Participant 1" in doc
    assert entry.question.country is None  # neither Jan's country is given to the other


async def test_consent_of_one_registrant_of_a_name(
    tmp_path: Path, config: Config, classifier: KeywordClassifier
) -> None:
    from bot.sources.zoom import parse_registration_report

    report = (
        "Registrant Details\n"
        "First Name,Last Name,Email,Country/Region,Organization,Consent to be named\n"
        "Jan,Smit,jan1@example.nl,Netherlands,Partos,Yes\n"
        "Jan,Smit,jan2@example.org,Kenya,Kituo,No\n"
    )
    rows = parse_registration_report(report)
    chat = "10:01:00 From  Jan Smit  to  Everyone:\n\tQ: Who funds the civic space programme?\n"
    async with open_service(config, tmp_path / "c.sqlite3", classifier) as svc:
        event_id = await _ingest(svc, chat)
        await svc.people.import_registrants(
            event_id,
            [(r.display_name, r.email, r.country, r.organisation, r.name_consent) for r in rows],
        )
        named = json.dumps(await svc.exports.document(event_id, include_names=True))
    assert "Jan Smit" not in named


async def test_a_corrected_registration_report_moves_the_participant(
    tmp_path: Path, config: Config, classifier: KeywordClassifier
) -> None:
    chat = "10:01:00 From  Amani Mushi  to  Everyone:\n\tQ: Who funds the civic space programme?\n"
    async with open_service(config, tmp_path / "d.sqlite3", classifier) as svc:
        svc.clock = lambda: datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
        event_id = await _ingest(svc, chat)
        await svc.people.import_registrants(event_id, [("Amani Mushi", None, "Netherlands", None)])
        assert (await svc.queue.ranked(event_id))[0].question.region.value == "north"
        await svc.people.import_registrants(event_id, [("Amani Mushi", None, "Tanzania", None)])
        (entry,) = await svc.queue.ranked(event_id)
    assert (entry.question.region.value, entry.question.country) == ("south", "TZ")


async def test_names_that_are_words_keep_their_meaning_in_the_export(
    tmp_path: Path, config: Config, classifier: KeywordClassifier
) -> None:
    chat = (
        "10:01:00 From  Tom Bakker  to  Everyone:\n"
        "\tQ: Will justice and peace programmes still be funded in 2027?\n"
        "10:02:00 From  Ana Lima  to  Everyone:\n"
        "\tI agree with Peace on this, and with Blessing\n"
    )
    async with open_service(config, tmp_path / "e.sqlite3", classifier) as svc:
        event_id = await _ingest(svc, chat)
        await svc.people.import_registrants(
            event_id,
            [
                ("Justice Okoth", None, "Kenya", None),
                ("Peace Mutua", None, "Kenya", None),
                ("Blessing Ade", None, "Nigeria", None),
            ],
        )
        doc = json.dumps(await svc.exports.document(event_id), ensure_ascii=False)
    assert "justice and peace programmes" in doc
    assert "I agree with [name] on this, and with [name]" in doc


async def test_forget_a_name_in_another_script(
    tmp_path: Path, config: Config, classifier: KeywordClassifier
) -> None:
    chat = (
        "10:01:00 From  أحمد حسن  to  Everyone:\n\tسؤال: كيف ستدعم الوزارة المجتمع المدني؟\n"
        "10:02:00 From  Tom Bakker  to  Everyone:\n\tI agree with أحمد حسن on civic space\n"
        "10:03:00 From  ግርማ ታደሰ  to  Everyone:\n\tQ: What about core funding for partners?\n"
    )
    db = tmp_path / "baraza.sqlite3"
    async with open_service(config, db, classifier) as svc:
        event_id = await _ingest(svc, chat)
        assert (await svc.privacy.forget(event_id, "أحمد حسن")).participants == 1
        doc = json.dumps(
            await svc.exports.document(event_id, include_names=True), ensure_ascii=False
        )
    assert "أحمد" not in doc and "I agree with [name] on civic space" in doc
    assert "أحمد".encode() not in _database_bytes(tmp_path)
    assert "ግርማ".encode() in _database_bytes(tmp_path)  # nobody else was erased


async def test_forget_finds_the_sender_of_a_dm_to_a_name_with_to(
    tmp_path: Path, config: Config, classifier: KeywordClassifier
) -> None:
    chat = (
        "10:01:00 From  Jan Smit  to  Dr. To Lam (Viet Nam)(Direct Message):\n"
        "\tcall me on +31 6 1234 5678 please\n"
        "10:02:00 From  Jan Smit  to  Everyone:\n\tQ: Who decides the partnership priorities?\n"
    )
    db = tmp_path / "baraza.sqlite3"
    async with open_service(config, db, classifier) as svc:
        event_id = await _ingest(svc, chat)
        people = [p.display_name for p in await svc.store.read.people.all(event_id)]
        assert people == ["Jan Smit"]
        assert (await svc.privacy.forget(event_id, "Jan Smit")).participants == 1
    data = _database_bytes(tmp_path)
    assert b"1234 5678" not in data and b"jan smit" not in data
