"""The base score of a question: votes, recency and the per-person cap, in log space."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from bot.core.ranking._model import _LN2, _SEQ_LIMIT, RankingSettings, RankItem


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
