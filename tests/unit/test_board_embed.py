"""The Discord board embed: always within Discord's limits, participant text made inert."""

from __future__ import annotations

from datetime import UTC, datetime

import discord
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.model import Question, Region
from bot.core.ranking import RankingSettings
from bot.usecases import BoardEntry
from cogs._common import safe_text
from cogs.board import BOARD_TITLE, render_board_embed

SETTINGS = RankingSettings(
    southern_share=0.5,
    mode="floor",
    alpha=0.1,
    half_life_minutes=15.0,
    per_person_cap=2,
    balance_themes=False,
)
HOSTILE = (
    "@everyone @here <@123456789012345678> <@&234567890123456789> **bold** __under__ "
    "`code` ```block``` ||spoiler|| ~~strike~~ [click](https://evil.example) \n# Header\n"
    "> quote\n- list \u200b\u202e reversed\n"
)


def entry(
    rank: int,
    text: str,
    *,
    why: str = "2 votes, 3 min ago",
    country: str | None = "KE",
    region: Region = Region.SOUTH,
    votes: int = 2,
    pinned: bool = False,
    merged: tuple[int, ...] = (),
) -> BoardEntry:
    question = Question(
        id=100 + rank,
        event_id=1,
        message_id=rank,
        participant_id=rank,
        text=text,
        asked_at=datetime(2026, 11, 20, 12, 0, tzinfo=UTC),
        language="sw",
        theme="civic",
        region=region,
        country=country,
        pinned=pinned,
        merged_ids=merged,
    )
    return BoardEntry(rank, question, votes, why, score=1.0, age_minutes=3.4)


def assert_within_discord_limits(embed: discord.Embed) -> None:
    data = embed.to_dict()
    assert len(data.get("title", "")) <= 256
    assert len(data.get("description", "")) <= 4096
    fields = data.get("fields", [])
    assert len(fields) <= 25
    for field in fields:
        assert 0 < len(field["name"]) <= 256
        assert 0 < len(field["value"]) <= 1024
    assert len(data.get("footer", {}).get("text", "")) <= 2048
    assert len(embed) <= 6000  # discord.py counts title, description, fields, footer, author


def test_a_full_board_of_long_hostile_questions_fits_discords_limits() -> None:
    long_text = (HOSTILE * 200)[:4000]
    entries = [entry(i, long_text, why="moved up " * 80) for i in range(1, 26)]

    embed = render_board_embed(entries, SETTINGS, True, 999_999, event_name="x" * 500)

    assert_within_discord_limits(embed)
    assert len(embed.fields) == 25


def test_more_entries_than_discord_allows_are_cut_to_25_fields() -> None:
    embed = render_board_embed([entry(i, "Why?") for i in range(1, 40)], SETTINGS, False, 0)

    assert len(embed.fields) == 25
    assert embed.fields[-1].name.startswith("#25")


def test_mentions_and_markdown_in_questions_are_escaped() -> None:
    embed = render_board_embed([entry(1, HOSTILE)], SETTINGS, False, 0)

    value = embed.fields[0].value
    assert value is not None
    assert "@everyone" not in value and "@here" not in value
    assert "@\u200beveryone" in value
    assert "<@123456789012345678>" not in value and "<@&234567890123456789>" not in value
    assert "**bold**" not in value and r"\*\*bold\*\*" in value
    assert "||spoiler||" not in value and "`code`" not in value


def test_multiline_question_stays_on_one_line_above_its_why() -> None:
    embed = render_board_embed(
        [entry(1, "First line\n\n# Second line\n> third?", why="no votes, just now")],
        SETTINGS,
        False,
        0,
    )

    value = embed.fields[0].value or ""
    question_line, why_line = value.split("\n")
    assert question_line == "First line # Second line > third?"  # inert mid-line
    assert why_line == "*no votes, just now*"


def test_each_entry_shows_rank_id_theme_region_country_language_votes_and_age() -> None:
    entries = [
        entry(1, "Who decides the budget?", votes=3, merged=(7, 9)),
        entry(2, "And in the Netherlands?", region=Region.NORTH, country="NL", pinned=True),
        entry(3, "Where am I from?", region=Region.UNKNOWN, country=None),
    ]

    embed = render_board_embed(entries, SETTINGS, False, 0)

    names = [f.name for f in embed.fields]
    assert names[0] == "#1 · Q101 · civic power · south (KE) · sw · 👍 3 · 3 min · +2 merged"
    assert names[1].startswith("📌 · Q102 · civic power · north (NL)")
    assert names[2].startswith("#3 · Q103 · civic power · unknown · sw")
    assert embed.fields[0].value == "Who decides the budget?\n*2 votes, 3 min ago*"


def test_settings_paused_and_held_count_are_shown() -> None:
    live = render_board_embed([entry(1, "Why?")], SETTINGS, False, 0)
    paused = render_board_embed([entry(1, "Why?")], SETTINGS, True, 4)

    assert live.title == BOARD_TITLE and "PAUSED" in (paused.title or "")
    assert "floor balance, Southern share 50%" in (live.description or "")
    assert "Q&A paused" in (paused.description or "")
    assert "nothing held" in (live.footer.text or "")
    assert "4 held for review" in (paused.footer.text or "")


def test_empty_queue_says_so() -> None:
    embed = render_board_embed([], SETTINGS, False, 0)

    assert embed.fields == []
    assert "No questions in the queue yet." in (embed.description or "")


@settings(max_examples=60, deadline=None)
@given(
    texts=st.lists(st.text(min_size=0, max_size=1500), min_size=0, max_size=25),
    why=st.text(max_size=400),
    held=st.integers(min_value=0, max_value=10**9),
)
def test_any_text_fits(texts: list[str], why: str, held: int) -> None:
    entries = [entry(i + 1, t, why=why) for i, t in enumerate(texts)]

    embed = render_board_embed(entries, SETTINGS, held % 2 == 0, held)

    assert_within_discord_limits(embed)


@given(text=st.text(max_size=3000), limit=st.integers(min_value=1, max_value=1100))
def test_safe_text_never_exceeds_its_limit(text: str, limit: int) -> None:
    out = safe_text(text, limit)

    assert len(out) <= limit
    assert "\n" not in out
    assert "@everyone" not in out
