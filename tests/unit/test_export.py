"""The export renders hostile participant text inertly."""

from datetime import UTC, datetime

from bot.core.model import Event, Region
from bot.export.transcript import build_transcript, to_csv, to_markdown
from bot.store import TranscriptRow


def _row(text: str, kind: str = "question") -> TranscriptRow:
    return TranscriptRow(
        message_id=1,
        sent_at=datetime(2026, 11, 20, 10, tzinfo=UTC),
        author="Eve",
        participant_id=7,
        country="KE",
        region=Region.SOUTH,
        organisation="Org",
        text=text,
        kind=kind,
        language="en",
        question_id=3,
        theme="civic",
        theme_scores={"civic": 1.0},
        state="queued",
        votes=0,
        merged_into=None,
        reply_to=None,
    )


EVENT = Event(id=1, name="E", created_at=datetime(2026, 11, 20, tzinfo=UTC), source="zoom")


def test_markdown_export_neutralises_links_html_and_headings() -> None:
    doc = build_transcript(
        EVENT, [_row("# Big [click](http://evil.example) <script>x</script> | a")]
    )
    md = to_markdown(doc)
    assert "[click](http" not in md and "<script>" not in md
    assert "\\[click\\]\\(http://evil\\.example\\)" in md
    assert "\\<script\\>" in md and "\n# Big" not in md


def test_csv_export_defuses_formulas() -> None:
    doc = build_transcript(EVENT, [_row('=HYPERLINK("http://evil.example","x")')])
    csv_text = to_csv(doc)
    assert "'=HYPERLINK" in csv_text


def test_names_and_organisations_only_when_switched_on() -> None:
    anonymous = build_transcript(EVENT, [_row("hello?")])
    named = build_transcript(EVENT, [_row("hello?")], include_names=True)
    assert anonymous["messages"][0]["speaker"] == "Participant 1"
    assert "organisation" not in anonymous["messages"][0]
    assert (
        named["messages"][0]["speaker"] == "Eve" and named["messages"][0]["organisation"] == "Org"
    )
