"""The export document and its renderers: what a ministry reader sees, and what never appears."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from bot.core.model import Event, Region
from bot.core.ranking import RankingSettings
from bot.export.document import (
    ExportData,
    ParticipantProfile,
    Scrubber,
    build_document,
    organisation_type,
)
from bot.export.report import build_report
from bot.export.transcript import render, to_csv, to_markdown
from bot.store import TranscriptRow

T0 = datetime(2026, 11, 20, 14, 0, tzinfo=UTC)
EVENT = Event(id=1, name="Dialogue", created_at=T0, source="zoom")


def row(
    n: int,
    text: str,
    *,
    who: int = 1,
    author: str = "Grace Wanjiru (Kenya)",
    region: Region = Region.SOUTH,
    country: str | None = "KE",
    kind: str = "question",
    question: bool = True,
    **extra: object,
) -> TranscriptRow:
    base = TranscriptRow(
        message_id=n,
        sent_at=T0 + timedelta(minutes=n),
        author=author,
        participant_id=who,
        country=country,
        region=region,
        organisation=None,
        text=text,
        kind=kind,
        language="en",
        question_id=n if question and kind in ("question", "logistics") else None,
        theme="civic" if question and kind == "question" else None,
        theme_scores={"policy": 0.1, "civic": 0.7, "system": 0.1, "other": 0.1}
        if question and kind == "question"
        else {},
        state="queued" if question and kind in ("question", "logistics") else None,
        votes=0,
        merged_into=None,
        reply_to=None,
    )
    return replace(base, **extra)  # type: ignore[arg-type]


PROFILES = {
    1: ParticipantProfile("Grace Wanjiru (Kenya)", "Kenya Youth Network", False),
    2: ParticipantProfile("Pieter de Vries", "Ministerie van Buitenlandse Zaken", True),
    3: ParticipantProfile("Spam Bot", None, False),
}


def data(rows: list[TranscriptRow], **extra: object) -> ExportData:
    base = ExportData(
        event=EVENT,
        event_date=date(2026, 11, 20),
        rows=rows,
        profiles=PROFILES,
        registrant_names=["Esperance Ndayishimiye"],
        retags={},
        board_views={},
        ranking=RankingSettings(),
        classifiers=["e5+ngram"],
        excluded={"private": 2, "deleted": 1},
        countries={"KE": "Kenya", "NL": "Netherlands"},
    )
    return replace(base, **extra)  # type: ignore[arg-type]


PIETER = {"who": 2, "author": "Pieter de Vries", "region": Region.NORTH, "country": "NL"}


def test_markdown_neutralises_links_html_and_headings() -> None:
    doc = build_document(
        data([row(1, "# Big [click](http://evil.example) <script>x</script> | a")])
    )
    md = to_markdown(doc)
    assert "[click](http" not in md and "<script>" not in md
    assert "\\[click\\](http://evil.example)" in md
    assert "\\<script\\>" in md and "\n# Big" not in md and "\\| a" in md


def test_csv_defuses_formulas_and_has_one_row_per_question() -> None:
    rows = [row(1, '=HYPERLINK("http://evil.example","x")'), row(2, "hello all", kind="chatter")]
    table = list(csv.DictReader(io.StringIO(to_csv(build_document(data(rows))))))
    assert len(table) == 1  # the chatter is not a question
    assert table[0]["text"].startswith("'=HYPERLINK")
    assert table[0]["theme"] == "civic" and table[0]["score_civic"] == "0.7"


def test_pseudonyms_are_stable_and_names_need_consent() -> None:
    rows = [row(1, "Why?"), row(2, "How?", **PIETER), row(3, "And when?")]
    anonymous = build_document(data(rows))
    assert [q["asker"] for q in anonymous["questions"]] == [
        "Participant 1",
        "Participant 2",
        "Participant 1",
    ]
    assert all(q["organisation"] is None for q in anonymous["questions"])
    named = build_document(data(rows), include_names=True)
    askers = [q["asker"] for q in named["questions"]]
    assert askers == ["Participant 1", "Pieter de Vries", "Participant 1"]  # Grace said no
    assert named["questions"][1]["organisation"] == "Ministerie van Buitenlandse Zaken"
    text = json.dumps(named, ensure_ascii=False)
    assert "Grace" not in text and "Kenya Youth Network" not in text
    assert named["questions"][0]["organisation_type"] == "civil society"
    assert named["questions"][1]["organisation_type"] == "government"


def test_consent_given_in_chat_counts_too() -> None:
    rows = [row(1, "Why?", name_consent=True)]
    named = build_document(data(rows), include_names=True)
    assert named["questions"][0]["asker"] == "Grace Wanjiru (Kenya)"
    assert build_document(data(rows))["questions"][0]["asker"] == "Participant 1"


def test_scrubber_removes_emails_phones_and_names_but_not_figures() -> None:
    scrub = Scrubber(["Grace Wanjiru (Kenya)", "Will Smith", "Pieter de Vries"])
    text = (
        "Thanks Grace! Write to grace.w@example.org or call +254 712 345 678. "
        "Will the 2025-2030 budget of 300,000,000 follow Pieter de Vries's idea?"
    )
    clean = scrub(text)
    assert "Grace" not in clean and "grace.w@" not in clean and "712" not in clean
    assert "Pieter" not in clean and "Vries" not in clean
    assert "[email removed]" in clean and "[phone removed]" in clean and "[name]" in clean
    assert "Will the 2025-2030 budget of 300,000,000" in clean  # a common word, figures kept


def test_names_are_scrubbed_from_other_peoples_messages_unless_shown() -> None:
    rows = [row(1, "Why?"), row(2, "Good point Grace, and Esperance too", **PIETER)]
    doc = build_document(data(rows), include_names=True)
    assert doc["questions"][1]["text"] == "Good point [name], and [name] too"
    rows = [row(1, "I agree with Pieter"), row(2, "How?", **PIETER)]
    assert build_document(data(rows), include_names=True)["questions"][0]["text"] == (
        "I agree with Pieter"  # he consented and names are on
    )
    assert build_document(data(rows))["questions"][0]["text"] == "I agree with [name]"


def test_spam_is_left_out_and_counted() -> None:
    rows = [
        row(1, "Why?"),
        row(2, "cheap followers www.x.example", who=3, state="held", hold_reason="contains a link"),
        row(3, "@everyone join us", who=3, state="dismissed", hold_reason="mass mention"),
    ]
    doc = build_document(data(rows))
    assert [q["id"] for q in doc["questions"]] == [1]
    assert all("followers" not in m["text"] for m in doc["chat"])
    assert doc["method"]["excluded"]["spam"] == {"link": 1, "mass_mention": 1}
    assert doc["method"]["excluded"]["private_messages"] == 2
    assert doc["summary"]["southern_share"]["participants"]["total"] == 1  # the spammer is not


def test_merged_duplicates_sit_under_their_entry_which_counts_as_southern() -> None:
    rows = [
        row(1, "Is policy coherence on the agenda?", **PIETER, votes=2),
        row(2, "Hoe zorgt het kabinet voor beleidscoherentie?", state="merged", merged_into=1),
    ]
    doc = build_document(data(rows, board_views={1: 1}))
    root, child = doc["questions"]
    assert root["merged"] == [2] and child["merged_into"] == 1
    assert root["entry_region"] == "south"  # one of its askers is Southern
    assert doc["summary"]["duplicates_merged"] == 1 and doc["summary"]["entries"] == 1
    assert doc["summary"]["southern_share"]["top10_seen"]["share"] == 1.0
    report = build_report(doc)
    (section,) = [s for s in report.sections if s.table.rows]
    assert "beleidscoherentie" in section.table.rows[0][-1]  # listed with its entry


def test_retags_show_the_models_theme_and_the_moderators() -> None:
    rows = [row(1, "What about core funding?", theme="policy")]
    doc = build_document(data(rows, retags={1: [("civic", "policy", T0)]}))
    (q,) = doc["questions"]
    assert q["model_theme"] == "civic" and q["theme"] == "policy"
    notes = build_report(doc).sections[0].table.rows[0][-1]
    assert "Retagged by the moderator: Civic power → Policy discussion" in notes
    assert doc["method"]["retagged"] == 1


def test_top10_share_is_not_invented_without_board_views() -> None:
    doc = build_document(data([row(1, "Why?")]))
    assert doc["summary"]["southern_share"]["top10_seen"] is None
    share_table = build_report(doc).summary[1]
    assert "not recorded" in share_table.rows[2][-1]


def test_dutch_labels_and_original_question_text() -> None:
    doc = build_document(data([row(1, "¿Cómo protegerán a las lideresas?")]))
    md = to_markdown(doc, "nl")
    assert "Maatschappelijke slagkracht" in md and "Samenvatting" in md and "Werkwijze" in md
    assert "¿Cómo protegerán a las lideresas?" in md
    with pytest.raises(ValueError):
        to_markdown(doc, "de")


@pytest.mark.parametrize(
    ("organisation", "kind"),
    [
        ("Ministry of Foreign Affairs", "government"),
        ("Ambassade van het Koninkrijk der Nederlanden", "government"),
        ("Universidad de los Andes", "research"),
        ("UNDP Kenya", "multilateral"),
        ("Impact Consult B.V.", "private sector"),
        ("Réseau Femmes et Paix", "civil society"),
        (None, "unknown"),
    ],
)
def test_organisation_types(organisation: str | None, kind: str) -> None:
    assert organisation_type(organisation) == kind


def test_hostile_text_renders_in_every_format() -> None:
    hostile = 'Q\x00u\x1bestion \ud800 <b>bold</b> & "quotes" \u202e reversed ='
    doc = build_document(data([row(1, hostile), row(2, hostile, kind="chatter")]))
    assert "\x00" not in doc["questions"][0]["text"]
    for fmt in ("docx", "html", "md", "csv", "json"):
        assert render(doc, fmt)  # no exception, some bytes
    assert b"<b>bold</b>" not in render(doc, "html")


def test_an_event_without_questions_still_renders() -> None:
    for rows in ([], [row(1, "hello all", kind="chatter", question=False)]):
        doc = build_document(data(rows))
        assert doc["summary"]["questions"] == 0
        for fmt in ("docx", "html", "md", "csv", "json"):
            assert render(doc, fmt)
        assert "No questions on this theme." in to_markdown(doc)
