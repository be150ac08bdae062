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

import math
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from heapq import nlargest
from itertools import chain, count, islice, repeat

from bot.core.model import Region

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

MODES: frozenset[str] = frozenset({"floor", "fair", "off"})

_LN2 = math.log(2.0)
#: Questions beyond this many per person all get the same (already negligible) penalty.
_SEQ_LIMIT = 1024
#: Log-keys this far apart always give strictly ordered scores (float noise is ~1e-13 here).
_EPS = 1e-9
#: Below this log-key ``exp`` nears underflow; such cells are ranked by exact scores.
_SAFE_LOG = -700.0
#: Absorbs binary rounding of ``p`` in ``floor(p*k)`` (0.29 * 100 == 28.999...96).
_FLOOR_SLACK = 1e-9

_SOUTH = "south"
_HISTORY = "history"  # Southern pick forced only by the answered-so-far + list rule
_THEME = "theme"

# (-score, asked_at timestamp, id, item): sorts best first, ties by earlier asked_at, lower id.
_Entry = tuple[float, float, int, "RankItem"]


@dataclass(frozen=True, slots=True)
class RankItem:
    """One queued question as the ranking sees it."""

    id: int
    author_key: str  # one person (participant id as str)
    region: Region  # UNKNOWN counts as not Southern
    theme: str  # "policy" | "civic" | "system" | "other"
    votes: int  # distinct voters (merged duplicates already pooled by the caller)
    asked_at: datetime  # timezone-aware
    pinned: bool = False
    held: bool = False  # held questions are not ranked
    author_seq: int = 0  # 0 = this person's first question in the event, 1 = second, ...
    # Derived once here so that ranking 10,000 items stays within a few milliseconds.
    _ts: float = field(init=False, repr=False, compare=False)
    _lv: float = field(init=False, repr=False, compare=False)
    _seqc: int = field(init=False, repr=False, compare=False)
    _south: bool = field(init=False, repr=False, compare=False)
    _plain: bool = field(init=False, repr=False, compare=False)
    _plain_south: bool = field(init=False, repr=False, compare=False)
    _plain_north: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.asked_at.utcoffset() is None:
            raise ValueError(f"RankItem {self.id}: asked_at must be timezone-aware")
        if self.votes < 0:
            raise ValueError(f"RankItem {self.id}: votes must be >= 0, got {self.votes}")
        if self.author_seq < 0:
            raise ValueError(f"RankItem {self.id}: author_seq must be >= 0, got {self.author_seq}")
        setattr_ = object.__setattr__
        setattr_(self, "_ts", self.asked_at.timestamp())
        setattr_(self, "_lv", math.log(1.0 + math.log2(1.0 + self.votes)))
        setattr_(self, "_seqc", min(self.author_seq, _SEQ_LIMIT))
        south = self.region == Region.SOUTH
        plain = not (self.pinned or self.held)
        setattr_(self, "_south", south)
        setattr_(self, "_plain", plain)
        setattr_(self, "_plain_south", plain and south)
        setattr_(self, "_plain_north", plain and not south)


@dataclass(frozen=True, slots=True)
class RankingSettings:
    """How the queue is ranked; every field is validated on construction."""

    southern_share: float = 0.5  # p
    mode: str = "floor"  # "floor" | "fair" | "off"
    alpha: float = 0.1
    half_life_minutes: float = 15.0  # recency decay
    per_person_cap: int = 2  # from this person's (cap+1)-th question on, a penalty applies
    balance_themes: bool = False  # optional theme balance (DetConstSort style, >2 groups)

    def __post_init__(self) -> None:
        p = self.southern_share
        if not 0.0 <= p <= 1.0:
            raise ValueError(f"RankingSettings.southern_share must be between 0 and 1, got {p!r}")
        if self.mode not in MODES:
            raise ValueError(
                f"RankingSettings.mode must be one of {', '.join(sorted(MODES))}, got {self.mode!r}"
            )
        if not 0.0 < self.alpha < 1.0:
            raise ValueError(
                f"RankingSettings.alpha must be strictly between 0 and 1, got {self.alpha!r}"
            )
        h = self.half_life_minutes
        if not (h > 0.0 and math.isfinite(h)):
            raise ValueError(
                f"RankingSettings.half_life_minutes must be a positive number, got {h!r}"
            )
        cap = self.per_person_cap
        if isinstance(cap, bool) or not isinstance(cap, int) or cap < 1:
            raise ValueError(f"RankingSettings.per_person_cap must be an integer >= 1, got {cap!r}")


@dataclass(frozen=True, slots=True)
class Ranked:
    """One line of the ranked queue."""

    item: RankItem
    rank: int  # 1-based
    score: float  # base score
    base_rank: int  # 1-based position in the plain base order (pins first)
    why: str  # one line a moderator understands at a glance


# --------------------------------------------------------------------------- minimum tables


def floor_minimums(k: int, p: float) -> list[int]:
    """Return ``floor(p*i)`` for prefixes ``i = 1..k`` (Southern minimum in mode ``floor``)."""
    _check_table_args(k, p)
    return list(islice(_floor_iter(p), k))


def fair_minimums(k: int, p: float, alpha: float) -> list[int]:
    """Return the unadjusted FA*IR table for prefixes ``1..k``.

    ``m(i)`` is the smallest ``m`` with ``BinomCDF(m; i, p) > alpha``: the alpha-quantile of the
    number of protected items a fair coin-flip ranking would put in the top ``i``.
    """
    _check_table_args(k, p)
    if not 0.0 < alpha < 1.0:
        raise ValueError(f"alpha must be strictly between 0 and 1, got {alpha!r}")
    return list(_fair_table(k, p, alpha))


def _check_table_args(k: int, p: float) -> None:
    if k < 0:
        raise ValueError(f"k must be >= 0, got {k!r}")
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"p must be between 0 and 1, got {p!r}")


def _floor_iter(p: float) -> Iterator[int]:
    for i in count(1):
        yield int(p * i + _FLOOR_SLACK)


@lru_cache(maxsize=32)
def _fair_table(k: int, p: float, alpha: float) -> tuple[int, ...]:
    return tuple(islice(_fair_iter(p, alpha), k))


def _fair_iter(p: float, alpha: float) -> Iterator[int]:
    """Yield ``m(1), m(2), ...`` in O(1) amortised steps.

    Tracks ``cdf = F(m; i)`` and ``pmf = P(X_i = m)`` for X_i ~ Binomial(i, p) with the exact
    recurrences ``F(m; i+1) = F(m; i) - p * P(X_i = m)``,
    ``P(X_{i+1} = m) = P(X_i = m) * (i+1) / (i+1-m) * (1-p)`` and
    ``P(X_i = m+1) = P(X_i = m) * (i-m) / (m+1) * p / (1-p)``: ratios only, so nothing overflows
    or underflows near the quantile, and ``m(i+1)`` is ``m(i)`` or ``m(i) + 1``.
    """
    if p <= 0.0:
        yield from repeat(0)
        return
    if p >= 1.0:
        yield from count(1)
        return
    q = 1.0 - p
    odds = p / q
    i, m, pmf, cdf = 1, 0, q, q
    while True:
        while cdf <= alpha and m < i:
            m += 1
            pmf *= (i - m + 1) / m * odds
            cdf += pmf
        yield m
        cdf -= p * pmf
        pmf *= (i + 1) / (i + 1 - m) * q
        i += 1


def _minimum_iter(settings: RankingSettings) -> Iterator[int] | None:
    if settings.mode == "floor":
        return _floor_iter(settings.southern_share)
    if settings.mode == "fair":
        return _fair_iter(settings.southern_share, settings.alpha)
    return None


# --------------------------------------------------------------------------- base score


@lru_cache(maxsize=16)
def _penalty(cap: int) -> tuple[float, ...]:
    """Log penalty by ``author_seq``: one halving per question from the ``(cap+1)``-th on."""
    return tuple(_LN2 * max(0, j - cap + 1) for j in range(_SEQ_LIMIT + 1))


def _log_key(item: RankItem, ctx: _Ctx) -> float:
    """Natural log of the base score. Keep identical to the expression in ``_Ctx.keys``."""
    now_ts = ctx.now_ts
    return (
        item._lv
        + ((t if (t := item._ts) < now_ts else now_ts) - now_ts) * ctx.rate
        - ctx.pen[item._seqc]
    )


def _timestamp(now: datetime) -> float:
    if now.utcoffset() is None:
        raise ValueError("now must be timezone-aware")
    return now.timestamp()


def base_score(item: RankItem, now: datetime, settings: RankingSettings) -> float:
    """Return the base score: log-damped votes x recency half-life decay x per-person penalty.

    See the module docstring for the formula. ``rank_queue`` reports exactly this value.
    """
    return math.exp(_log_key(item, _Ctx.of(now, settings)))


# --------------------------------------------------------------------------- groups


@dataclass(frozen=True, slots=True)
class _Ctx:
    """What every score in one call shares."""

    now_ts: float
    rate: float  # natural-log decay per second of age
    pen: tuple[float, ...]  # log penalty by author_seq
    cap: int

    @classmethod
    def of(cls, now: datetime, settings: RankingSettings) -> _Ctx:
        cap = settings.per_person_cap
        return cls(_timestamp(now), _LN2 / (settings.half_life_minutes * 60.0), _penalty(cap), cap)

    def keys(self, items: Sequence[RankItem]) -> list[float]:
        """Log-scores of ``items``: ``_log_key`` inlined, as this loop is the hot path."""
        now_ts, rate, pen = self.now_ts, self.rate, self.pen
        return [
            it._lv + ((t if (t := it._ts) < now_ts else now_ts) - now_ts) * rate - pen[it._seqc]
            for it in items
        ]


@dataclass(frozen=True, slots=True)
class _Spec:
    """One group of the merge: Southern or not, and with theme balance one theme."""

    south: bool
    theme: str | None


def _splits(settings: RankingSettings) -> tuple[bool, bool]:
    """Whether groups split by region, and by theme."""
    return settings.mode != "off", settings.balance_themes


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


# --------------------------------------------------------------------------- merge


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


# --------------------------------------------------------------------------- ranking


@dataclass(frozen=True, slots=True)
class Answered:
    """The questions already answered in this session: how many, and how many of them Southern."""

    total: int = 0
    south: int = 0

    def __post_init__(self) -> None:
        if not 0 <= self.south <= self.total:
            raise ValueError(f"Answered needs 0 <= south <= total, got {self.south}/{self.total}")


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


def _explain(
    pins: list[RankItem],
    pool: _Pool,
    order: list[int],
    forced_at: dict[int, str],
    ctx: _Ctx,
    history: Answered,
) -> list[Ranked]:
    now_ts, cap = ctx.now_ts, ctx.cap
    out = [
        Ranked(it, n, math.exp(_log_key(it, ctx)), n, "pinned by moderator")
        for n, it in enumerate(pins, start=1)
    ]
    base_ranks = _base_ranks(pool, order, len(pins), ctx)
    items, scores = pool.items, pool.scores
    south = sum(it._south for it in pins)
    themes = Counter(it.theme for it in pins)
    lines: dict[tuple[int, int, int], str] = {}  # most items share their plain why line
    append = out.append
    start = len(pins) + 1
    for n, (j, base_rank) in enumerate(zip(order, base_ranks, strict=True)):
        it = items[j]
        south += it._south
        themes[it.theme] += 1
        # A millisecond of slack so that float timestamps never show 3 min for 4 min.
        seq = it.author_seq
        line_key = (it.votes, int((now_ts - it._ts + 1e-3) // 60), seq if seq >= cap else -1)
        why = lines.get(line_key)
        if why is None:
            why = lines[line_key] = _describe(*line_key)
        rank = start + n
        if rank < base_rank:
            reason = forced_at.get(n)
            why += "; " + _moved_up(reason, it, base_rank, rank, south, themes[it.theme], history)
        append(Ranked(it, rank, scores[j], base_rank, why))
    return out


# --------------------------------------------------------------------------- wording


def _describe(votes: int, minutes: int, capped_seq: int) -> str:
    why = f"{_votes_text(votes)}, {_age_text(minutes)}"
    if capped_seq >= 0:
        why += f"; {_ordinal(capped_seq + 1)} question from this person (capped)"
    return why


def _moved_up(
    reason: str | None,
    item: RankItem,
    base_rank: int,
    rank: int,
    south: int,
    same_theme: int,
    history: Answered,
) -> str:
    if reason == _SOUTH:
        return f"moved up from #{base_rank} to keep {south} of the top {rank} Southern"
    if reason == _HISTORY:
        return (
            f"moved up from #{base_rank} so that {history.south + south} of the "
            f"{history.total + rank} questions answered or next are Southern"
        )
    if reason == _THEME:
        return (
            f"moved up from #{base_rank} to balance themes: "
            f"{same_theme} of the top {rank} are {item.theme}"
        )
    return f"moved up from #{base_rank} to balance the queue"  # not reachable by design


def _votes_text(votes: int) -> str:
    if votes == 0:
        return "no votes"
    return "1 vote" if votes == 1 else f"{votes} votes"


def _age_text(minutes: int) -> str:
    if minutes < 1:
        return "just now"
    if minutes < 60:
        return f"{minutes} min ago"
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest} min ago" if rest else f"{hours} h ago"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
