"""The Zoom webinar Q&A report: preamble, multi-line quoted questions, answers, anonymous askers."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

import pytest

from bot.app import open_service
from bot.commands import import_zoom_qa
from bot.config import ClassifierConfig, Config, replace
from bot.core.model import MessageKind, QuestionState, Region
from bot.errors import InputError
from bot.sources.zoom_qa import parse_qa_report
from tests.conftest import FIXTURES

REPORT = FIXTURES / "zoom_qa_report.csv"
DAY = date(2026, 11, 20)


def test_rows_after_the_preamble_with_multiline_questions_and_answers() -> None:
    entries = parse_qa_report(REPORT.read_text(encoding="utf-8"), DAY)
    assert len(entries) == 5
    first = entries[0]
    assert first.question.text.startswith("Q: How will the ministry fund local organisations")
    assert "without intermediaries taking the risk?" in first.question.text
    assert first.question.author_name == "Amani Mushi"
    assert [a.text for a in first.answers] == ["We will pilot direct funding in 2027."]
    assert first.answered and first.upvotes == 4
    assert entries[1].answered and not entries[1].answers  # "live answered"
    assert '"as promised"' in entries[2].question.text
    assert entries[2].anonymous and entries[2].question.author_email is None
    assert entries[2].question.author_name != entries[4].question.author_name
    assert entries[3].question.is_private and entries[3].answers[0].is_private


def test_a_file_without_the_table_is_refused() -> None:
    with pytest.raises(InputError, match="Question and Asker Name"):
        parse_qa_report("Question And Answer Report\nTopic,Webinar ID\nx,1\n", DAY)


async def test_import_queues_questions_with_regions_and_answered_state(tmp_path: Path) -> None:
    config = replace(Config(), classifier=ClassifierConfig(source="ngram"))
    db = tmp_path / "db.sqlite3"
    args = argparse.Namespace(
        report=REPORT,
        registrants=FIXTURES / "registrants.csv",
        event="Dialogue with the Ministry",
        date=DAY,
    )
    assert await import_zoom_qa(args, config, db) == 0
    assert await import_zoom_qa(args, config, db) == 0  # twice: nothing new
    async with open_service(config, db) as service:
        event = await service.events.get(None)
        questions = await service.store.read.questions.all(event.id)
        by_start = {q.text[:20]: q for q in questions}
        assert len(questions) == 4  # the private one is kept out
        funding = by_start["How will the ministr"]
        assert funding.state is QuestionState.ANSWERED
        assert funding.region is Region.SOUTH and funding.country == "TZ"  # from registration
        assert by_start["Will the evaluation "].state is QuestionState.ANSWERED
        civic = by_start["Is civic space for a"]
        assert civic.state is QuestionState.QUEUED and "Anonymous" in civic.author
        assert by_start["Will the slides be s"].kind is MessageKind.LOGISTICS
        counts = await service.store.read.messages.counts(event.id)
        assert counts.get("private") == 2  # the private question and its answer
        # upvotes count as (anonymous) votes, once however often the report is imported
        assert civic.votes == 7 and funding.votes == 4
        (entry,) = [e for e in await service.queue.ranked(event.id) if e.question.id == civic.id]
        assert entry.votes == 7 and entry.why.startswith("7 votes")
        doc = await service.exports.document(event.id)
        assert any(q["votes"] == 7 for q in doc["questions"])  # type: ignore[attr-defined]
