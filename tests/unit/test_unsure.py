"""A weak or unknown theme is shown as "unsure" on the board and in the export."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from rich.console import Console

from bot.boards.terminal import render_board
from bot.classifier import is_unsure
from bot.config import ClassifierConfig, Config
from bot.core.model import Question
from bot.core.ranking import RankingSettings
from bot.export.document import build_document
from bot.export.report import build_report
from bot.usecases import BoardEntry
from cogs.board import render_board_embed
from models.interface import unknown_scores
from tests.unit.test_export import data, row

SURE = {"policy": 0.05, "civic": 0.85, "system": 0.05, "other": 0.05}
WEAK = {"policy": 0.35, "civic": 0.4, "system": 0.15, "other": 0.1}
UNKNOWN = unknown_scores()


@pytest.mark.parametrize(
    ("theme", "scores", "unsure"),
    [
        ("civic", SURE, False),
        ("civic", WEAK, True),
        ("other", UNKNOWN, True),  # the n-gram fallback could not read the script
        ("policy", WEAK, False),  # not the model's top theme: the moderator set it
        ("other", {}, False),  # no classifier ran
    ],
)
def test_unsure_when_the_models_own_theme_scores_under_the_threshold(
    theme: str, scores: dict[str, float], unsure: bool
) -> None:
    assert is_unsure(theme, scores, 0.5) is unsure


def test_the_threshold_is_configurable_and_defaults_to_one_half() -> None:
    assert Config().classifier.unsure_below == 0.5
    assert not is_unsure("civic", WEAK, ClassifierConfig(unsure_below=0.3).unsure_below)


def _entry(scores: dict[str, float], unsure: bool) -> BoardEntry:
    question = Question(
        id=7,
        event_id=1,
        message_id=7,
        participant_id=1,
        text="How do activists organise now?",
        asked_at=datetime(2026, 11, 20, 14, 0, tzinfo=UTC),
        language="en",
        theme="civic",
        theme_scores=scores,
    )
    return BoardEntry(1, question, 0, "newest", score=1.0, age_minutes=2.0, unsure=unsure)


def _terminal_text(entry: BoardEntry) -> str:
    console = Console(width=140, record=True)
    console.print(render_board([entry], RankingSettings()))
    return console.export_text()


def test_terminal_and_discord_boards_say_unsure_only_when_it_is() -> None:
    assert "unsure" in _terminal_text(_entry(WEAK, True))
    assert "unsure" not in _terminal_text(_entry(SURE, False))
    weak = render_board_embed([_entry(WEAK, True)], RankingSettings(), False, 0)
    sure = render_board_embed([_entry(SURE, False)], RankingSettings(), False, 0)
    assert "civic power (unsure)" in weak.fields[0].name
    assert "unsure" not in sure.fields[0].name
    assert _entry(WEAK, True).as_json()["unsure"] is True


def test_export_marks_weak_and_unknown_themes_and_counts_them() -> None:
    rows = [
        row(1, "How do activists organise now?"),
        row(2, "Does drip irrigation pay off?", theme="civic", theme_scores=WEAK),
        row(3, "ሚኒስቴሩ ምን ያደርጋል?", theme="other", theme_scores=UNKNOWN),
    ]
    doc = build_document(data(rows, unsure_below=0.5))
    sure, weak, unknown = doc["questions"]
    assert (sure["unsure"], weak["unsure"], unknown["unsure"]) == (False, True, True)
    assert (sure["theme_unknown"], weak["theme_unknown"], unknown["theme_unknown"]) == (
        False,
        False,
        True,
    )
    assert doc["method"]["low_confidence"] == 2 and doc["method"]["theme_unknown"] == 1
    report = build_report(doc)
    notes = {r[-1] for section in report.sections if section.table for r in section.table.rows}
    assert any("confidence 0.40 (unsure)" in n for n in notes)
    assert any("model: theme unknown" in n for n in notes)
    assert not any("0.70 (unsure)" in n for n in notes)
    method = " ".join(report.method)
    assert "real questions on none of these three" in method
    assert "1 questions were written in a script the classifier in use does not know" in method


def test_a_retagged_question_is_never_unsure() -> None:
    rows = [row(1, "Does drip irrigation pay off?", theme="other", theme_scores=WEAK)]
    doc = build_document(data(rows, retags={1: [("civic", "other", rows[0].sent_at)]}))
    assert doc["questions"][0]["unsure"] is False
