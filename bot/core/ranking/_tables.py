"""Minimum-Southern tables per prefix length: floor and FA*IR (see :mod:`bot.core.ranking`)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from itertools import count, islice, repeat

from bot.core.ranking._model import _FLOOR_SLACK, RankingSettings


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
