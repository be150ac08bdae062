"""Examples a moderator would notice on the ranked question queue."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from itertools import pairwise
from math import comb

import pytest

from bot.core.model import Region
from bot.core.ranking import (
    RankingSettings,
    RankItem,
    base_score,
    fair_minimums,
    floor_minimums,
    rank_queue,
)

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
S, N, U = Region.SOUTH, Region.NORTH, Region.UNKNOWN
OFF = RankingSettings(mode="off")


def item(
    id: int,
    votes: int = 0,
    age_min: float = 0.0,
    region: Region = N,
    theme: str = "policy",
    author: str | None = None,
    seq: int = 0,
    pinned: bool = False,
    held: bool = False,
) -> RankItem:
    return RankItem(
        id=id,
        author_key=author if author is not None else f"p{id}",
        region=region,
        theme=theme,
        votes=votes,
        asked_at=NOW - timedelta(minutes=age_min),
        pinned=pinned,
        held=held,
        author_seq=seq,
    )


def ids(
    items: list[RankItem], settings: RankingSettings = OFF, top: int | None = None
) -> list[int]:
    return [r.item.id for r in rank_queue(items, NOW, settings, top=top)]


def why_of(items: list[RankItem], id: int, settings: RankingSettings = OFF) -> str:
    return next(r.why for r in rank_queue(items, NOW, settings) if r.item.id == id)


# --------------------------------------------------------------------------- base score


def test_fresh_question_with_one_vote_beats_older_one_with_two() -> None:
    fresh, old = item(1, votes=1, age_min=2), item(2, votes=2, age_min=40)
    assert base_score(fresh, NOW, OFF) > base_score(old, NOW, OFF)
    assert ids([old, fresh]) == [1, 2]
    assert ids([old, fresh], RankingSettings()) == [1, 2]


def test_many_votes_are_not_buried_by_one_fresh_question() -> None:
    popular, fresh = item(1, votes=12, age_min=8), item(2, votes=0, age_min=0)
    assert ids([fresh, popular]) == [1, 2]


def test_more_votes_win_at_equal_age_and_fewer_minutes_win_at_equal_votes() -> None:
    assert ids([item(1, votes=1, age_min=5), item(2, votes=2, age_min=5)]) == [2, 1]
    assert ids([item(1, votes=3, age_min=9), item(2, votes=3, age_min=3)]) == [2, 1]


def test_half_life_halves_the_score() -> None:
    settings = RankingSettings(half_life_minutes=10)
    fresh, aged = item(1, votes=3), item(2, votes=3, age_min=10)
    ratio = base_score(aged, NOW, settings) / base_score(fresh, NOW, settings)
    assert ratio == pytest.approx(0.5)


def test_third_question_from_one_person_ranks_below_everyone_elses_first() -> None:
    queue = [
        item(1, votes=3, age_min=5, author="ana", seq=0),
        item(2, votes=3, age_min=5, author="ana", seq=1),
        item(3, votes=3, age_min=5, author="ana", seq=2),
        item(4, votes=3, age_min=5, author="ben", seq=0),
        item(5, votes=3, age_min=5, author="eve", seq=0),
    ]
    assert ids(queue) == [1, 2, 4, 5, 3]
    assert ids(queue, RankingSettings(mode="off", per_person_cap=1)) == [1, 4, 5, 2, 3]
    assert ids(queue, RankingSettings(mode="off", per_person_cap=3)) == [1, 2, 3, 4, 5]


def test_cap_penalty_weighs_like_one_half_life() -> None:
    capped, first = item(1, votes=2, seq=2), item(2, votes=2)
    ratio = base_score(capped, NOW, OFF) / base_score(first, NOW, OFF)
    assert ratio == pytest.approx(0.5)


def test_clock_skew_does_not_boost_a_question_from_the_future() -> None:
    future, present = item(1, votes=1, age_min=-30), item(2, votes=1, age_min=0)
    assert base_score(future, NOW, OFF) == base_score(present, NOW, OFF)
    ranked = rank_queue([future, present], NOW, OFF)
    assert [r.item.id for r in ranked] == [2, 1]  # equal score: earlier asked first
    assert ranked[1].why == "1 vote, just now"


def test_equal_scores_break_ties_by_lower_id() -> None:
    queue = [item(7, votes=2, age_min=3), item(3, votes=2, age_min=3), item(5, votes=2, age_min=3)]
    assert ids(queue) == [3, 5, 7]


def test_score_reported_is_the_base_score() -> None:
    queue = [item(1, votes=4, age_min=7, seq=3), item(2, votes=0, age_min=1, pinned=True)]
    for r in rank_queue(queue, NOW, RankingSettings()):
        assert r.score == base_score(r.item, NOW, RankingSettings())


# --------------------------------------------------------------------------- pins, held


def test_pins_come_first_oldest_pin_first_whatever_their_votes() -> None:
    queue = [
        item(1, votes=20),
        item(2, votes=0, age_min=1, pinned=True),
        item(3, votes=5, age_min=9, pinned=True),
        item(4, votes=3),
    ]
    ranked = rank_queue(queue, NOW, RankingSettings())
    assert [r.item.id for r in ranked] == [3, 2, 1, 4]
    assert [r.why for r in ranked[:2]] == ["pinned by moderator"] * 2
    assert [r.base_rank for r in ranked] == [1, 2, 3, 4]


def test_pinned_southern_question_counts_toward_the_southern_floor() -> None:
    queue = [
        item(1, votes=0, region=S, pinned=True),
        item(2, votes=9, region=N),
        item(3, votes=8, region=N),
        item(4, votes=7, region=N),
        item(5, votes=0, age_min=30, region=S),
    ]
    # prefixes 2 and 3 need one Southern item: the pin; prefix 4 needs two.
    assert ids(queue, RankingSettings()) == [1, 2, 3, 5, 4]


def test_pins_are_not_reordered_and_the_queue_catches_up_after_them() -> None:
    queue = [
        item(1, region=N, age_min=3, pinned=True),
        item(2, region=N, age_min=2, pinned=True),
        item(3, region=N, age_min=1, pinned=True),
        item(4, votes=9, region=N),
        item(5, votes=0, age_min=50, region=S),
        item(6, votes=0, age_min=60, region=S),
    ]
    assert ids(queue, RankingSettings()) == [1, 2, 3, 5, 6, 4]


def test_held_questions_are_left_out_even_when_pinned() -> None:
    queue = [item(1, votes=9, held=True), item(2, pinned=True, held=True), item(3)]
    assert ids(queue, RankingSettings()) == [3]


# --------------------------------------------------------------------------- balance


def test_floor_moves_a_southern_question_up_into_the_top_two() -> None:
    queue = [
        item(1, votes=10, region=N),
        item(2, votes=9, region=N),
        item(3, votes=0, age_min=30, region=S),
    ]
    assert ids(queue) == [1, 2, 3]
    assert ids(queue, RankingSettings()) == [1, 3, 2]


def test_unknown_region_is_not_counted_as_southern() -> None:
    queue = [
        item(1, votes=10, region=U),
        item(2, votes=9, region=U),
        item(3, votes=0, age_min=30, region=S),
    ]
    assert ids(queue, RankingSettings()) == [1, 3, 2]
    no_south = [item(1, votes=1, region=U), item(2, votes=5, region=N), item(3, region=U)]
    assert ids(no_south, RankingSettings(southern_share=1.0)) == ids(no_south)


def test_fair_mode_asks_for_fewer_southern_items_than_the_floor() -> None:
    norths = [item(i, votes=20 - i, region=N) for i in range(1, 7)]
    souths = [item(10 + i, votes=0, age_min=60 + i, region=S) for i in range(1, 4)]
    fair = rank_queue(norths + souths, NOW, RankingSettings(mode="fair"))
    floor = rank_queue(norths + souths, NOW, RankingSettings(mode="floor"))
    # FA*IR p=0.5, alpha=0.1: minimums 0,0,0,1,1,1,2,2,3; floor: 0,1,1,2,2,3,...
    assert [r.rank for r in fair if r.item.region == S] == [4, 7, 9]
    assert [r.rank for r in floor if r.item.region == S] == [2, 4, 6]


def test_mode_off_keeps_the_plain_base_order() -> None:
    queue = [item(1, votes=10), item(2, votes=9), item(3, votes=0, age_min=30, region=S)]
    ranked = rank_queue(queue, NOW, OFF)
    assert [r.item.id for r in ranked] == [1, 2, 3]
    assert all(r.rank == r.base_rank and "moved" not in r.why for r in ranked)


def test_a_deep_southern_question_reports_its_true_base_rank_with_top() -> None:
    norths = [item(i, votes=50 - i % 40, age_min=i % 7, region=N) for i in range(1, 121)]
    south = item(500, votes=0, age_min=90, region=S)
    full = rank_queue([*norths, south], NOW, RankingSettings())
    top = rank_queue([*norths, south], NOW, RankingSettings(), top=5)
    assert top == full[:5]
    assert top[1].item.id == 500 and top[1].base_rank == 121
    assert (
        top[1].why == "no votes, 1 h 30 min ago; moved up from #121 to keep 1 of the top 2 Southern"
    )


@pytest.mark.parametrize(("south_id", "base_rank"), [(50, 11), (5, 6)])
def test_deep_base_rank_counts_exact_ties_by_id(south_id: int, base_rank: int) -> None:
    voted = [item(10 + i, votes=9, region=N) for i in range(5)]
    tied = [item(20 + i, votes=0, age_min=30, region=N) for i in range(5)]
    south = item(south_id, votes=0, age_min=30, region=S)
    ranked = rank_queue([*voted, *tied, south], NOW, RankingSettings(), top=2)
    assert ranked[1].item.id == south_id and ranked[1].base_rank == base_rank
    assert ranked == rank_queue([*voted, *tied, south], NOW, RankingSettings())[:2]


def test_theme_balance_gives_each_theme_its_share_of_the_top() -> None:
    queue = [item(i, votes=30 - i, theme="policy") for i in range(1, 7)]
    queue += [item(10, votes=1, age_min=20, theme="civic"), item(11, age_min=40, theme="system")]
    settings = RankingSettings(mode="off", balance_themes=True)
    ranked = rank_queue(queue, NOW, settings)
    assert [r.item.theme for r in ranked[:3]] == ["policy", "civic", "system"]
    assert sorted(r.item.id for r in ranked) == sorted(it.id for it in queue)
    assert ranked[1].why == (
        "1 vote, 20 min ago; moved up from #7 to balance themes: 1 of the top 2 are civic"
    )


def test_southern_floor_wins_over_theme_balance() -> None:
    queue = [
        item(1, votes=9, region=N, theme="policy"),
        item(2, votes=8, region=N, theme="civic"),
        item(3, votes=0, age_min=30, region=S, theme="policy"),
        item(4, votes=0, age_min=40, region=S, theme="policy"),
    ]
    assert ids(queue, RankingSettings(mode="off", balance_themes=True))[:2] == [1, 2]
    # p=1 wants both Southern questions first although theme balance wants civic second.
    both = RankingSettings(southern_share=1.0, balance_themes=True)
    assert ids(queue, both) == [3, 4, 2, 1]
    assert why_of(queue, 4, both).endswith("moved up from #4 to keep 2 of the top 2 Southern")


def test_a_move_forced_by_both_rules_is_explained_by_the_southern_one() -> None:
    queue = [
        item(1, votes=9, region=N, theme="policy"),
        item(2, votes=0, age_min=30, region=S, theme="policy"),
        item(3, votes=0, age_min=40, region=S, theme="civic"),
    ]
    both = RankingSettings(southern_share=1.0, balance_themes=True)
    assert [r.why.split("; ")[-1] for r in rank_queue(queue, NOW, both)] == [
        "moved up from #2 to keep 1 of the top 1 Southern",
        "moved up from #3 to keep 2 of the top 2 Southern",
        "9 votes, just now",
    ]


# --------------------------------------------------------------------------- why line


@pytest.mark.parametrize(
    ("votes", "age_min", "expected"),
    [
        (1, 0, "1 vote, just now"),
        (0, 0.5, "no votes, just now"),
        (3, 4, "3 votes, 4 min ago"),
        (2, 59, "2 votes, 59 min ago"),
        (12, 65, "12 votes, 1 h 5 min ago"),
        (1, 120, "1 vote, 2 h ago"),
    ],
)
def test_why_line_counts_votes_and_minutes(votes: int, age_min: float, expected: str) -> None:
    assert why_of([item(1, votes=votes, age_min=age_min)], 1) == expected


@pytest.mark.parametrize(
    ("seq", "ordinal"), [(2, "3rd"), (3, "4th"), (10, "11th"), (11, "12th"), (20, "21st")]
)
def test_why_line_names_a_capped_question(seq: int, ordinal: str) -> None:
    queue = [item(1, votes=2, age_min=12, seq=seq)]
    assert why_of(queue, 1) == f"2 votes, 12 min ago; {ordinal} question from this person (capped)"
    assert why_of([item(1, votes=2, age_min=12, seq=1)], 1) == "2 votes, 12 min ago"


def test_why_line_explains_a_move_with_the_count_in_its_prefix() -> None:
    queue = [
        item(1, votes=10, region=N),
        item(2, votes=9, region=N),
        item(3, votes=0, age_min=30, region=S),
    ]
    ranked = rank_queue(queue, NOW, RankingSettings())
    assert [r.why for r in ranked] == [
        "10 votes, just now",
        "no votes, 30 min ago; moved up from #3 to keep 1 of the top 2 Southern",
        "9 votes, just now",
    ]
    assert [(r.rank, r.base_rank) for r in ranked] == [(1, 1), (2, 3), (3, 2)]


def test_timezones_do_not_change_the_age() -> None:
    east = timezone(timedelta(hours=3))
    it = RankItem(1, "p1", N, "civic", 2, (NOW - timedelta(minutes=7)).astimezone(east))
    assert rank_queue([it], NOW, OFF)[0].why == "2 votes, 7 min ago"


# --------------------------------------------------------------------------- top


def test_top_smaller_than_the_pins_returns_only_pins() -> None:
    queue = [item(i, votes=i, age_min=i, pinned=i < 4) for i in range(8)]
    assert ids(queue, RankingSettings(), top=2) == [3, 2]
    assert ids(queue, RankingSettings(), top=0) == []


def test_top_returns_the_first_lines_only() -> None:
    queue = [item(i, votes=i % 5, age_min=i, region=S if i % 3 == 0 else N) for i in range(50)]
    full = rank_queue(queue, NOW, RankingSettings())
    for top in (0, 1, 7, 49, 50, 80):
        assert rank_queue(queue, NOW, RankingSettings(), top=top) == full[:top]


# --------------------------------------------------------------------------- tables


def test_fair_minimums_match_the_published_fa_ir_table() -> None:
    assert fair_minimums(20, 0.25, 0.1) == [
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        0,
        1,
        1,
        1,
        1,
        1,
        1,
        2,
        2,
        2,
        2,
        2,
        3,
    ]
    assert fair_minimums(10, 0.5, 0.1)[-1] == 3


def _exact_fair_table(k: int, p: float, alpha: float) -> list[int]:
    """The FA*IR table in exact integer arithmetic: p = a/d and alpha = c/f exactly."""
    a, d = p.as_integer_ratio()
    c, f = alpha.as_integer_ratio()
    table = []
    for i in range(1, k + 1):
        cdf_times_d_i, target = 0, c * d**i  # CDF > alpha  <=>  f * CDF * d**i > c * d**i
        for m in range(i + 1):
            cdf_times_d_i += comb(i, m) * a**m * (d - a) ** (i - m)
            if f * cdf_times_d_i > target:
                table.append(m)
                break
    return table


@pytest.mark.parametrize("p", [0.05, 0.2, 0.25, 0.3, 0.5, 0.7, 0.9, 0.99])
@pytest.mark.parametrize("alpha", [0.01, 0.1, 0.125, 0.3, 0.5, 0.6])
def test_fair_minimums_agree_with_exact_binomial_quantiles(p: float, alpha: float) -> None:
    assert fair_minimums(80, p, alpha) == _exact_fair_table(80, p, alpha)


def test_fair_minimums_edge_shares() -> None:
    assert fair_minimums(5, 0.0, 0.1) == [0] * 5
    assert fair_minimums(5, 1.0, 0.1) == [1, 2, 3, 4, 5]
    assert fair_minimums(0, 0.5, 0.1) == []
    long = fair_minimums(100_000, 0.5, 0.1)
    assert all(0 <= b - a <= 1 for a, b in pairwise(long))
    assert 49_000 < long[-1] < 50_000


def test_floor_minimums() -> None:
    assert floor_minimums(10, 0.5) == [0, 1, 1, 2, 2, 3, 3, 4, 4, 5]
    assert floor_minimums(100, 0.29)[-1] == 29  # 0.29 * 100 is 28.999... in binary
    assert floor_minimums(3, 1.0) == [1, 2, 3]
    assert floor_minimums(3, 0.0) == [0, 0, 0]


@pytest.mark.parametrize(
    ("call", "word"),
    [
        (lambda: fair_minimums(5, 1.5, 0.1), "p"),
        (lambda: fair_minimums(5, 0.5, 0.0), "alpha"),
        (lambda: fair_minimums(-1, 0.5, 0.1), "k"),
        (lambda: floor_minimums(5, -0.1), "p"),
    ],
)
def test_table_arguments_are_checked(call: Callable[[], object], word: str) -> None:
    with pytest.raises(ValueError, match=rf"\b{word}\b"):
        call()


# --------------------------------------------------------------------------- validation


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"southern_share": 1.2}, "southern_share"),
        ({"southern_share": -0.1}, "southern_share"),
        ({"southern_share": float("nan")}, "southern_share"),
        ({"mode": "quota"}, "mode"),
        ({"alpha": 0.0}, "alpha"),
        ({"alpha": 1.0}, "alpha"),
        ({"half_life_minutes": 0}, "half_life_minutes"),
        ({"half_life_minutes": -5}, "half_life_minutes"),
        ({"half_life_minutes": float("inf")}, "half_life_minutes"),
        ({"per_person_cap": 0}, "per_person_cap"),
        ({"per_person_cap": 1.5}, "per_person_cap"),
    ],
)
def test_settings_reject_bad_values_naming_the_field(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(ValueError, match=field):
        RankingSettings(**kwargs)  # type: ignore[arg-type]


def test_settings_accept_the_edges() -> None:
    RankingSettings(southern_share=0.0, alpha=0.5, half_life_minutes=0.5, per_person_cap=1)
    RankingSettings(southern_share=1.0, mode="fair")


def test_bad_input_is_refused_with_a_clear_message() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        RankItem(1, "p", N, "civic", 0, datetime(2024, 5, 1, 12))
    with pytest.raises(ValueError, match="votes"):
        item(1, votes=-1)
    with pytest.raises(ValueError, match="timezone-aware"):
        rank_queue([item(1)], datetime(2024, 5, 1, 12), OFF)
    with pytest.raises(ValueError, match="unique"):
        rank_queue([item(1), item(1, votes=3)], NOW, OFF)
    with pytest.raises(ValueError, match="top"):
        rank_queue([item(1)], NOW, OFF, top=-1)
    assert rank_queue([], NOW, RankingSettings()) == []
