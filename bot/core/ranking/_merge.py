"""The greedy merge of groups that keeps every prefix balanced (see :mod:`bot.core.ranking`)."""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from heapq import nlargest
from itertools import chain, islice

from bot.core.ranking._model import (
    _EPS,
    _SAFE_LOG,
    _SOUTH,
    _THEME,
    RankingSettings,
    RankItem,
    _Entry,
)
from bot.core.ranking._score import _Ctx, _log_key, _Spec, _splits


class _Top:
    """The best ``k`` of one group, found without sorting the group.

    ``entries`` holds ``(-score, asked_at timestamp, id, item)`` sorted best first: the whole
    group (``complete``) or its best ``k``. ``count_better`` answers how many of the group rank
    above an outside item, which gives base ranks without ranking everything.
    """

    __slots__ = ("complete", "entries", "items", "keys")

    def __init__(self, items: list[RankItem], k: int, ctx: _Ctx) -> None:
        self.items = items
        self.keys = ctx.keys(items)
        self.complete = True
        self.entries = self._select(k) if k < len(items) else self._sorted_all()

    def _sorted_all(self) -> list[_Entry]:
        exp = math.exp
        entries = [
            (-exp(v), it._ts, it.id, it) for v, it in zip(self.keys, self.items, strict=True)
        ]
        entries.sort()
        return entries

    def _select(self, k: int) -> list[_Entry]:
        """Threshold on log-keys, then exact scores only for the few near the top."""
        threshold = nlargest(k, self.keys)[-1] - _EPS
        if threshold < _SAFE_LOG:
            return self._sorted_all()
        exp, items, keys = math.exp, self.items, self.keys
        near = [i for i, v in enumerate(keys) if v >= threshold]
        entries = [(-exp(keys[i]), items[i]._ts, items[i].id, items[i]) for i in near]
        entries.sort()
        self.complete = False
        return entries[:k]

    def ensure_complete(self) -> None:
        if not self.complete:
            self.entries = self._sorted_all()  # its first k are the selected ones
            self.complete = True

    def count_better(self, queries: list[tuple[_Entry, float]]) -> list[int]:
        """For each (entry, log-key) of an item outside this group: how many here rank above it."""
        out = [0] * len(queries)
        deep: list[int] = []
        last = self.entries[-1] if self.entries else None
        for n, (entry, key) in enumerate(queries):
            if self.complete or last is None or entry < last:
                out[n] = bisect_left(self.entries, entry)
            elif key < _SAFE_LOG + _EPS:
                self.ensure_complete()
                out[n] = bisect_left(self.entries, entry)
            else:
                deep.append(n)
        if deep:
            lowest = min(queries[n][1] for n in deep) - _EPS
            big = sorted(v for v in self.keys if v >= lowest)
            for n in deep:
                entry, key = queries[n]
                lo, hi = bisect_left(big, key - _EPS), bisect_right(big, key + _EPS)
                out[n] = len(big) - hi
                if hi > lo:  # scores this close need the exact comparison
                    out[n] += self._count_exact(entry, key)
        return out

    def _count_exact(self, entry: _Entry, key: float) -> int:
        exp = math.exp
        return sum(
            1
            for v, it in zip(self.keys, self.items, strict=True)
            if abs(v - key) <= _EPS and (-exp(v), it._ts, it.id) < entry[:3]
        )


@dataclass(slots=True)
class _Pool:
    """The candidates in base order, with each group as a list of positions in the pool.

    Positions compare like base ranks, so the merge compares plain ints.
    """

    items: list[RankItem]
    scores: list[float]
    specs: list[_Spec]
    picks: list[list[int]]  # per group: pool positions, best first
    tops: list[_Top] | None = None  # set when the pool is only the best of each group

    def is_base_order(self) -> bool:
        """Whether pool position + pins + 1 is the base rank."""
        return self.tops is None or all(t.complete for t in self.tops) or len(self.picks) == 1


def _full_pool(plain: list[RankItem], settings: RankingSettings, ctx: _Ctx) -> _Pool:
    """Everything in base order: stable index sorts by id, asked_at, then score.

    Sorting index lists by float/int keys instead of building a tuple per item keeps the garbage
    collector quiet, which is most of the cost at 100,000 items.
    """
    exp = math.exp
    neg = [-exp(v) for v in ctx.keys(plain)]
    order = sorted(range(len(plain)), key=[it.id for it in plain].__getitem__)
    order.sort(key=[it._ts for it in plain].__getitem__)
    order.sort(key=neg.__getitem__)
    items = [plain[i] for i in order]
    by_region, by_theme = _splits(settings)
    if not by_region and not by_theme:
        picks = [list(range(len(items)))]
        specs = [_Spec(False, None)]
    elif not by_theme:
        flags = [it._south for it in items]
        picks = [[j for j, f in enumerate(flags) if f], [j for j, f in enumerate(flags) if not f]]
        specs = [_Spec(True, None), _Spec(False, None)]
    else:
        groups: dict[tuple[bool, str], list[int]] = {}
        for j, it in enumerate(items):
            groups.setdefault((by_region and it._south, it.theme), []).append(j)
        keys = sorted(groups, key=lambda g: (not g[0], g[1]))
        specs = [_Spec(*key) for key in keys]
        picks = [groups[key] for key in keys]
    return _Pool(items, [-neg[i] for i in order], specs, picks)


def _top_pool(items: Sequence[RankItem], settings: RankingSettings, k: int, ctx: _Ctx) -> _Pool:
    """The best ``k`` of each group (enough for ``k`` lines), merged into base order."""
    by_region, by_theme = _splits(settings)
    if not by_region and not by_theme:
        members = [[it for it in items if it._plain]]
        specs = [_Spec(False, None)]
    elif not by_theme:
        members = [
            [it for it in items if it._plain_south],
            [it for it in items if it._plain_north],
        ]
        specs = [_Spec(True, None), _Spec(False, None)]
    else:
        groups: dict[tuple[bool, str], list[RankItem]] = {}
        for it in items:
            if it._plain:
                groups.setdefault((by_region and it._south, it.theme), []).append(it)
        keys = sorted(groups, key=lambda g: (not g[0], g[1]))
        specs = [_Spec(*key) for key in keys]
        members = [groups[key] for key in keys]
    tops = [_Top(m, k, ctx) for m in members]
    entries = sorted(chain.from_iterable(t.entries for t in tops))
    where = {e[2]: g for g, t in enumerate(tops) for e in t.entries}
    picks: list[list[int]] = [[] for _ in tops]
    for j, e in enumerate(entries):
        picks[where[e[2]]].append(j)
    return _Pool([e[3] for e in entries], [-e[0] for e in entries], specs, picks, tops)


def _merge_two(
    south: list[int], north: list[int], n_out: int, south_so_far: int, minimums: Iterator[int]
) -> tuple[list[int], dict[int, str]]:
    """Southern minimum over two groups: the default, kept lean.

    Returns pool positions in ranked order and, by output index, the picks the rule forced.
    """
    s_len, n_len = len(south), len(north)
    si = ni = 0
    out: list[int] = []
    forced_at: dict[int, str] = {}
    append = out.append
    for n, minimum in enumerate(islice(minimums, min(n_out, s_len + n_len))):
        forced = south_so_far < minimum
        if si < s_len and (forced or ni >= n_len or south[si] < north[ni]):
            append(south[si])
            si += 1
            south_so_far += 1
            if forced:
                forced_at[n] = _SOUTH
        else:
            append(north[ni])
            ni += 1
    return out, forced_at


def _merge_groups(
    pool: _Pool,
    n_out: int,
    start: int,
    south_so_far: int,
    minimums: Iterator[int] | None,
    theme_counts: dict[str, int],
) -> tuple[list[int], dict[int, str]]:
    """General merge: the Southern minimum first, then the theme floor (earliest deadline)."""
    picks, specs = pool.picks, pool.specs
    heads = [0] * len(picks)
    n_themes = len(theme_counts)
    out: list[int] = []
    forced_at: dict[int, str] = {}
    for n in range(n_out):
        minimum = next(minimums) if minimums is not None else 0
        live = [g for g in range(len(picks)) if heads[g] < len(picks[g])]
        if not live:
            break
        remaining = {t for g in live if (t := specs[g].theme) is not None}
        reason: str | None = None
        if south_so_far < minimum:
            southern = [g for g in live if specs[g].south]
            if southern:
                live, reason = southern, _SOUTH
        urgent = _urgent_themes(theme_counts, remaining, n_themes, start + n + 1)
        if urgent is not None:
            narrowed = [g for g in live if specs[g].theme in urgent]
            if narrowed:  # empty only when the Southern rule already chose: it wins
                live, reason = narrowed, reason or _THEME
        best = min(live, key=lambda g: picks[g][heads[g]])
        out.append(picks[best][heads[best]])
        heads[best] += 1
        south_so_far += specs[best].south
        if (theme := specs[best].theme) is not None:
            theme_counts[theme] += 1
        if reason is not None:
            forced_at[n] = reason
    return out, forced_at


def _urgent_themes(
    counts: dict[str, int], remaining: set[str], n_themes: int, position: int
) -> set[str] | None:
    """Themes that must be served now for every later prefix to keep ``floor(k/G)`` of each.

    A theme holding ``c`` items needs its next one by prefix ``G*(c+1)`` (overdue: now). If the
    themes due by some prefix ``d`` are at least the ``d - position + 1`` free slots, only those may
    be taken (earliest deadline first); ``None`` when the choice is free.
    """
    due = sorted((max(n_themes * (counts[t] + 1), position), t) for t in remaining)
    for n, (deadline, _) in enumerate(due, start=1):
        if n >= deadline - position + 1:
            return {t for d, t in due if d <= deadline}
    return None


def _base_ranks(pool: _Pool, order: list[int], n_pins: int, ctx: _Ctx) -> list[int]:
    """1-based base rank of each placed item: pins, then all groups merged by base score."""
    if pool.is_base_order():
        return [n_pins + 1 + j for j in order]
    assert pool.tops is not None
    group_of = {j: g for g, picks in enumerate(pool.picks) for j in picks}
    index_in_group = {j: n for picks in pool.picks for n, j in enumerate(picks)}
    ranks = [n_pins + 1 + index_in_group[j] for j in order]
    queries = []
    for j in order:
        it = pool.items[j]
        queries.append(((-pool.scores[j], it._ts, it.id, it), _log_key(it, ctx)))
    for g, top in enumerate(pool.tops):
        others = [n for n, j in enumerate(order) if group_of[j] != g]
        if others:
            better = top.count_better([queries[n] for n in others])
            for n, b in zip(others, better, strict=True):
                ranks[n] += b
    return ranks
