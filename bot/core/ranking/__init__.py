"""Fair, explainable ranking of the moderator's question queue (pure: no I/O).

Base score
----------
::

    score = vote_term(votes) * 2 ** (-age_minutes / half_life) * 2 ** (-extra)
    vote_term(v) = 1 + log2(1 + v)          # 0 -> 1, 1 -> 2, 3 -> 3, 7 -> 4, 15 -> 5
    extra = max(0, author_seq - per_person_cap + 1)

* Votes are **log-damped with a +1 prior**. Small counts are noisy and the earliest askers collect
  votes simply by being early ("fastest gun"), so each *doubling* of votes is worth one step,
  the first votes count most, and a question with no votes yet still has a score of 1, so that
  recency can bring it up. (A Wilson bound needs exposures we do not have. With a linear count a
  50-vote question would hold off a fresh 1-vote one for 70 minutes; damped, for 26.)
* Recency decays with the half-life from the settings (default 15 minutes): a question asked 2 min
  ago with 1 vote (2 * 0.91 = 1.83) beats one asked 40 min ago with 2 votes (2.58 * 0.16 = 0.41).
  Ages in the future (clock skew) count as zero.
* Per-person cap: from a person's ``(cap+1)``-th question on, each further question halves the
  score, so a third question (cap 2) loses to anyone's first at equal votes and age.

All three factors are powers of two, so in log2 terms one doubling of votes, one half-life of age
and one question beyond the cap weigh the same. The code works with the natural log of the score
(``_log_key``) and reports ``exp`` of it; ties are broken by earlier ``asked_at``, then lower id.

Order
-----
Pinned questions come first, oldest pin first, and are never moved; they do count in every prefix.
The rest is a greedy merge of groups (Southern / not Southern; ``unknown`` is not Southern), each
kept in base order. At each position: if the Southern count so far is below the minimum for this
prefix length (``floor(p*k)`` in mode ``floor``, the FA*IR table in mode ``fair``) and Southern items
remain, the best Southern item is taken; otherwise the better head of the two groups.

Theme balance (``balance_themes=True``) is a DetConstSort-style floor: with ``G`` themes present
(pins included), every prefix ``k`` should hold ``floor(k/G)`` items of each theme that still has
items. The merge then works on (region, theme) cells and, after the Southern rule has narrowed the
candidates, applies an earliest-deadline-first rule: if the themes that must get their next item
within the next ``s`` positions number ``s`` or more, only those themes may be taken. When the two
rules cannot both be met, the Southern one wins. Theme balance is independent of ``mode``; with
``mode="off"`` it balances themes only.

Why line
--------
``"3 votes, 4 min ago"``, ``"no votes, just now; 3rd question from this person (capped)"``,
``"pinned by moderator"``. An item placed above its base rank by a balance rule says so with the
count in the prefix it was placed in, i.e. the top list down to and including itself:
``"...; moved up from #9 to keep 3 of the top 6 Southern"`` or
``"...; moved up from #7 to balance themes: 2 of the top 8 are civic"``.

``base_rank`` is the position in the plain base order (pins, then everything else by base score),
so ``rank == base_rank`` throughout with ``mode="off"`` and no theme balance.

Cost
----
Full order: ``O(n log n)``, one stable sort of an index list by id, asked_at, then score (no tuple
per item, which keeps the garbage collector out of the way at 100,000 items) and a linear merge.
With ``top=k``: a few ``O(n)`` passes and a ``heapq`` partial selection of ``k`` per group; only the
candidates near the top get their score exponentiated, tuple-built and sorted.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from itertools import islice

from bot.core.ranking._merge import _full_pool, _merge_groups, _merge_two, _Pool, _top_pool
from bot.core.ranking._model import (
    _HISTORY,
    _SOUTH,
    MODES,
    Answered,
    Ranked,
    RankingSettings,
    RankItem,
)
from bot.core.ranking._score import _Ctx, base_score
from bot.core.ranking._tables import _minimum_iter, fair_minimums, floor_minimums
from bot.core.ranking._why import _explain

__all__ = [
    "MODES",
    "Answered",
    "RankItem",
    "Ranked",
    "RankingSettings",
    "base_score",
    "fair_minimums",
    "floor_minimums",
    "rank_queue",
]


def rank_queue(
    items: Sequence[RankItem],
    now: datetime,
    settings: RankingSettings,
    top: int | None = None,
    answered: Answered | None = None,
) -> list[Ranked]:
    """Rank the queue: pins first, then the balanced merge of the base order (see module doc).

    Held items are left out. With ``top`` only the first ``top`` lines are built (a few linear
    passes plus a partial selection per group); they equal the first ``top`` lines of the full
    ranking, base ranks and why lines included. Ids must be unique (``ValueError`` otherwise).
    The result does not depend on the order of ``items``.

    ``answered``: what the panel has answered so far. The Southern minimum then also holds for
    the answered questions followed by the list (the session as the audience experiences it),
    on top of holding for every prefix of the list itself, so a moderator who keeps taking the
    top question cannot answer only Northern ones.
    """
    if top is not None and top < 0:
        raise ValueError(f"top must be >= 0, got {top!r}")
    history = answered or Answered()
    ctx = _Ctx.of(now, settings)
    if len({it.id for it in items}) != len(items):
        raise ValueError("rank_queue: item ids must be unique")
    special = [it for it in items if not it._plain]
    pins = sorted((it for it in special if not it.held), key=lambda it: (it._ts, it.id))
    n_plain = len(items) - len(special)
    if top is not None and top < len(pins) + n_plain:
        pins = pins[:top]
        n_out = max(0, top - len(pins))
        pool = _top_pool(items, settings, n_out, ctx) if n_out else _Pool([], [], [], [])
    else:
        n_out = n_plain
        plain = [it for it in items if it._plain] if special else list(items)
        pool = _full_pool(plain, settings, ctx)
    order, forced_at = _place(pool, pins, n_out, settings, history)
    return _explain(pins, pool, order, forced_at, ctx, history)


def _with_history(
    own: Iterator[int], settings: RankingSettings, history: Answered
) -> Iterator[int]:
    """Per-prefix minimums that also keep ``answered + prefix`` at the session's minimum."""
    session = _minimum_iter(settings)
    assert session is not None
    later = islice(session, history.total, None)
    return (max(a, b - history.south) for a, b in zip(own, later, strict=False))


def _place(
    pool: _Pool,
    pins: list[RankItem],
    n_out: int,
    settings: RankingSettings,
    history: Answered,
) -> tuple[list[int], dict[int, str]]:
    if not n_out:
        return [], {}
    minimums = _minimum_iter(settings)
    if minimums is None or not history.total:
        if minimums is not None:
            minimums = islice(minimums, len(pins), None)  # pins fill the first prefixes
        return _merge(pool, pins, n_out, settings, minimums)
    own_iter = _minimum_iter(settings)
    assert own_iter is not None
    own = list(islice(own_iter, len(pins), len(pins) + n_out))
    combined = islice(_with_history(minimums, settings, history), len(pins), None)
    order, forced_at = _merge(pool, pins, n_out, settings, combined)
    return order, _history_reasons(pool, pins, order, forced_at, own)


def _history_reasons(
    pool: _Pool, pins: list[RankItem], order: list[int], forced_at: dict[int, str], own: list[int]
) -> dict[int, str]:
    """Relabel Southern picks that only the session (answered + list) rule forced."""
    south = sum(it._south for it in pins)
    for n, j in enumerate(order):
        if forced_at.get(n) == _SOUTH and south >= own[n]:
            forced_at[n] = _HISTORY
        south += pool.items[j]._south
    return forced_at


def _merge(
    pool: _Pool,
    pins: list[RankItem],
    n_out: int,
    settings: RankingSettings,
    minimums: Iterator[int] | None,
) -> tuple[list[int], dict[int, str]]:
    south_so_far = sum(it._south for it in pins)
    if settings.balance_themes:
        theme_counts = {t: 0 for s in pool.specs if (t := s.theme) is not None}
        for it in pins:
            theme_counts[it.theme] = theme_counts.get(it.theme, 0) + 1
        return _merge_groups(pool, n_out, len(pins), south_so_far, minimums, theme_counts)
    if minimums is None:  # mode "off": one group, the plain base order
        return pool.picks[0][:n_out], {}
    return _merge_two(pool.picks[0], pool.picks[1], n_out, south_so_far, minimums)
