"""Properties of the ranked queue over random queues (hypothesis).

A naive reference (sort by ``base_score``, then the greedy merge written out plainly) checks the
optimised paths: the ``top`` selection, the cached tables and the base-rank counting.
"""

from __future__ import annotations

import dataclasses
import random
import re
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.model import THEMES, Region
from bot.core.ranking import (
    Answered,
    Ranked,
    RankingSettings,
    RankItem,
    base_score,
    fair_minimums,
    floor_minimums,
    rank_queue,
)

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
FAST = settings(max_examples=120, deadline=None)

REGIONS = list(Region)
# one of 11: pinned (1/11), held (1/11), both (1/11), neither
FLAGS = [(False, False)] * 8 + [(True, False), (False, True), (True, True)]


def _item(n: int, code: int) -> tuple[RankItem, int]:
    """Decode one drawn integer into a question (one draw per item keeps hypothesis fast).

    Returns the item with ``author_seq`` 0 and its author; ``_build`` fixes the sequence.
    """
    code, region = divmod(code, 3)
    code, theme = divmod(code, len(THEMES))
    code, votes = divmod(code, 13)
    code, author = divmod(code, 6)
    code, flags = divmod(code, len(FLAGS))
    code, whole = divmod(code, 2)
    # whole minutes (-2..150) make ties common; seconds (-90..9000) include clock skew
    age = (code % 153 - 2) * 60 if whole else code % 9091 - 90
    pinned, held = FLAGS[flags]
    return (
        RankItem(
            id=100 + n,
            author_key=f"a{author}",
            region=REGIONS[region],
            theme=THEMES[theme],
            votes=votes,
            asked_at=NOW - timedelta(seconds=age),
            pinned=pinned,
            held=held,
        ),
        author,
    )


def _build(codes: list[int]) -> list[RankItem]:
    """Items with unique ids; ``author_seq`` counted by asked_at, as the caller does."""
    drawn = [_item(n, code) for n, code in enumerate(codes)]
    seq: Counter[int] = Counter()
    out = []
    for it, author in sorted(drawn, key=lambda d: (d[0].asked_at, d[0].id)):
        out.append(dataclasses.replace(it, author_seq=seq[author]))
        seq[author] += 1
    out.sort(key=lambda it: it.id)
    return out


queues = st.lists(st.integers(0, 2**40), max_size=40).map(_build)
ranking_settings = st.builds(
    RankingSettings,
    southern_share=st.sampled_from([0.0, 0.2, 0.25, 0.3, 0.5, 0.7, 1.0]),
    mode=st.sampled_from(["floor", "fair", "off"]),
    alpha=st.sampled_from([0.05, 0.1, 0.3]),
    half_life_minutes=st.sampled_from([0.01, 1.0, 15.0, 60.0]),
    per_person_cap=st.integers(1, 3),
    balance_themes=st.booleans(),
)
southern_settings = ranking_settings.filter(lambda s: s.mode != "off" and not s.balance_themes)


def _south(item: RankItem) -> bool:
    return item.region == Region.SOUTH


def _minimums(s: RankingSettings, k: int) -> list[int]:
    if s.mode == "fair":
        return fair_minimums(k, s.southern_share, s.alpha)
    return floor_minimums(k, s.southern_share)


def _base_order(items: list[RankItem], s: RankingSettings) -> list[RankItem]:
    live = [it for it in items if not it.held]
    pins = sorted((it for it in live if it.pinned), key=lambda it: (it.asked_at, it.id))
    rest = sorted(
        (it for it in live if not it.pinned),
        key=lambda it: (-base_score(it, NOW, s), it.asked_at, it.id),
    )
    return pins + rest


def _reference(items: list[RankItem], s: RankingSettings) -> list[RankItem]:
    """The Southern balance exactly as specified, written without any optimisation."""
    base = _base_order(items, s)
    if s.mode == "off":
        return base
    out = [it for it in base if it.pinned]
    south = [it for it in base if not it.pinned and _south(it)]
    other = [it for it in base if not it.pinned and not _south(it)]
    need = _minimums(s, len(base))
    while south or other:
        have = sum(_south(it) for it in out)
        if south and (
            have < need[len(out)] or not other or base.index(south[0]) < base.index(other[0])
        ):
            out.append(south.pop(0))
        else:
            out.append(other.pop(0))
    return out


def _ids(ranked: list[Ranked]) -> list[int]:
    return [r.item.id for r in ranked]


@FAST
@given(queues, ranking_settings)
def test_every_question_appears_once_and_held_ones_never(
    items: list[RankItem], s: RankingSettings
) -> None:
    ranked = rank_queue(items, NOW, s)
    assert sorted(_ids(ranked)) == sorted(it.id for it in items if not it.held)
    assert [r.rank for r in ranked] == list(range(1, len(ranked) + 1))
    assert sorted(r.base_rank for r in ranked) == list(range(1, len(ranked) + 1))


@FAST
@given(queues, ranking_settings)
def test_pins_lead_in_pin_order_and_base_ranks_follow_the_plain_order(
    items: list[RankItem], s: RankingSettings
) -> None:
    ranked = rank_queue(items, NOW, s)
    base = _base_order(items, s)
    n_pins = sum(it.pinned for it in base)
    assert _ids(ranked[:n_pins]) == [it.id for it in base[:n_pins]]
    assert all(r.why == "pinned by moderator" for r in ranked[:n_pins])
    where = {it.id: n for n, it in enumerate(base, start=1)}
    assert all(r.base_rank == where[r.item.id] for r in ranked)
    assert all(r.score == base_score(r.item, NOW, s) for r in ranked)


@FAST
@given(queues, ranking_settings)
def test_every_prefix_meets_the_southern_minimum_while_southern_items_remain(
    items: list[RankItem], s: RankingSettings
) -> None:
    if s.mode == "off":
        return
    ranked = rank_queue(items, NOW, s)
    need = _minimums(s, len(ranked))
    total = sum(_south(r.item) for r in ranked)
    n_pins = sum(r.item.pinned for r in ranked)
    have = pinned_south = 0
    for k, r in enumerate(ranked, start=1):
        have += _south(r.item)
        if r.item.pinned:  # pins are never moved, so prefixes inside them are exempt
            pinned_south = have
            continue
        # after pins that fell short, every later position is Southern until caught up
        catching_up = have - pinned_south == k - n_pins
        assert have >= need[k - 1] or have == total or catching_up, (k, have, need[k - 1])


@FAST
@given(queues, ranking_settings)
def test_each_group_keeps_its_base_order(items: list[RankItem], s: RankingSettings) -> None:
    groups: defaultdict[tuple[bool, str], list[RankItem]] = defaultdict(list)
    for r in rank_queue(items, NOW, s):
        if not r.item.pinned:
            south = _south(r.item) and s.mode != "off"
            groups[(south, r.item.theme if s.balance_themes else "")].append(r.item)
    for group in groups.values():
        keys = [(-base_score(it, NOW, s), it.asked_at, it.id) for it in group]
        assert keys == sorted(keys)


@FAST
@given(queues, southern_settings)
def test_southern_balance_matches_the_plain_reference(
    items: list[RankItem], s: RankingSettings
) -> None:
    assert _ids(rank_queue(items, NOW, s)) == [it.id for it in _reference(items, s)]


@FAST
@given(queues, ranking_settings, st.randoms(use_true_random=False))
def test_input_order_does_not_matter(
    items: list[RankItem], s: RankingSettings, rnd: random.Random
) -> None:
    shuffled = list(items)
    rnd.shuffle(shuffled)
    assert rank_queue(shuffled, NOW, s) == rank_queue(items, NOW, s)


@FAST
@given(queues, ranking_settings, st.one_of(st.integers(0, 4), st.integers(0, 50)))
def test_top_n_is_the_prefix_of_the_full_ranking(
    items: list[RankItem], s: RankingSettings, top: int
) -> None:
    assert rank_queue(items, NOW, s, top=top) == rank_queue(items, NOW, s)[:top]


_MOVED = re.compile(r"moved up from #(\d+) to keep (\d+) of the top (\d+) Southern$")


@FAST
@given(queues, ranking_settings)
def test_why_line_tells_a_move_with_true_counts(items: list[RankItem], s: RankingSettings) -> None:
    ranked = rank_queue(items, NOW, s)
    for r in ranked:
        assert ("moved up from" in r.why) == (r.rank < r.base_rank)
        if r.rank < r.base_rank and not s.balance_themes:
            assert _MOVED.search(r.why), r.why  # only the Southern rule moves items up
        assert ("vote" in r.why) != r.item.pinned
        if (m := _MOVED.search(r.why)) is not None:
            base_rank, south, top = map(int, m.groups())
            assert (base_rank, top) == (r.base_rank, r.rank)
            assert south == sum(_south(x.item) for x in ranked[:top])
            assert _south(r.item)


@FAST
@given(queues.map(lambda items: [it for it in items if not it.pinned]))
def test_theme_balance_gives_every_theme_its_floor_share(items: list[RankItem]) -> None:
    s = RankingSettings(mode="off", balance_themes=True)
    ranked = rank_queue(items, NOW, s)
    totals = Counter(r.item.theme for r in ranked)
    seen: Counter[str] = Counter()
    for k, r in enumerate(ranked, start=1):
        seen[r.item.theme] += 1
        for theme, total in totals.items():
            assert seen[theme] >= min(k // len(totals), total), (k, theme)


# ----------------------------------------------------------------- what was answered counts too

unpinned = queues.map(lambda items: [it for it in items if not it.pinned])
histories = st.integers(0, 12).flatmap(
    lambda total: st.builds(Answered, total=st.just(total), south=st.integers(0, total))
)
_SESSION = re.compile(
    r"moved up from #(\d+) so that (\d+) of the (\d+) questions answered or next are Southern$"
)


@FAST
@given(unpinned, southern_settings, histories)
def test_answered_plus_every_prefix_meets_the_session_minimum(
    items: list[RankItem], s: RankingSettings, history: Answered
) -> None:
    ranked = rank_queue(items, NOW, s, answered=history)
    own = _minimums(s, len(ranked))
    session = _minimums(s, history.total + len(ranked))
    total = sum(_south(r.item) for r in ranked)
    have = 0
    for k, r in enumerate(ranked, start=1):
        have += _south(r.item)
        assert have >= own[k - 1] or have == total  # the list's own guarantee is kept
        # ...and the session so far (answered, then this prefix) is balanced as well, once
        # the deficit inherited from the answered questions could be made up
        need = session[history.total + k - 1] - history.south
        assert have >= need or have in (total, k), (k, have, need)


@FAST
@given(queues, southern_settings, histories, st.integers(0, 12))
def test_top_n_is_the_prefix_with_a_history(
    items: list[RankItem], s: RankingSettings, history: Answered, top: int
) -> None:
    full = rank_queue(items, NOW, s, answered=history)
    assert rank_queue(items, NOW, s, top=top, answered=history) == full[:top]


@FAST
@given(unpinned, southern_settings, histories)
def test_session_moves_explain_themselves_with_true_counts(
    items: list[RankItem], s: RankingSettings, history: Answered
) -> None:
    ranked = rank_queue(items, NOW, s, answered=history)
    for r in ranked:
        assert ("moved up from" in r.why) == (r.rank < r.base_rank)
        if (m := _SESSION.search(r.why)) is not None:
            base_rank, south, seen = map(int, m.groups())
            assert (base_rank, seen) == (r.base_rank, history.total + r.rank)
            assert south == history.south + sum(_south(x.item) for x in ranked[: r.rank])
            assert _south(r.item)
        elif r.rank < r.base_rank:
            assert _MOVED.search(r.why), r.why


def test_a_moderator_taking_the_top_question_answers_southern_ones_too() -> None:
    """Northern questions carry the votes; "next" must not answer only them."""
    north = [
        RankItem(
            id=i,
            author_key=f"n{i}",
            region=Region.NORTH,
            theme="policy",
            votes=5,
            asked_at=NOW - timedelta(minutes=1),
        )
        for i in range(6)
    ]
    south = [
        RankItem(
            id=10 + i,
            author_key=f"s{i}",
            region=Region.SOUTH,
            theme="system",
            votes=0,
            asked_at=NOW - timedelta(minutes=20),
        )
        for i in range(6)
    ]
    queue, answered = north + south, []
    s = RankingSettings()
    for _ in range(6):
        south_answered = sum(_south(it) for it in answered)
        top = rank_queue(queue, NOW, s, top=1, answered=Answered(len(answered), south_answered))
        answered.append(top[0].item)
        queue = [it for it in queue if it.id != top[0].item.id]
    assert sum(_south(it) for it in answered) == 3  # without the history it would be 0
    assert [_south(it) for it in answered] == [False, True, False, True, False, True]
