"""Time the queue ranking on random queues: ``python benchmarks/bench_ranking.py``.

Prints the median of several runs (``time.perf_counter``) to rank the top 20 and the full order
of 1,000, 10,000 and 100,000 questions in modes ``floor`` and ``fair``, then a growth check:
full order time / (n log2 n) and top-20 time / n, each relative to n = 1,000 (a ratio that stays
near 1 means the expected growth; one that climbs with n means worse).
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.core.model import THEMES, Region
from bot.core.ranking import RankingSettings, RankItem, rank_queue

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
SIZES = (1_000, 10_000, 100_000)
MODES = ("floor", "fair")
TOP = 20


def make_queue(n: int, seed: int) -> list[RankItem]:
    """A webinar-like queue: a third of the people ask most, votes are skewed, a few pins."""
    rng = random.Random(seed)
    regions = rng.choices([Region.SOUTH, Region.NORTH, Region.UNKNOWN], weights=[3, 5, 2], k=n)
    ages = sorted((rng.uniform(0, 120) for _ in range(n)), reverse=True)  # oldest first
    seen: dict[str, int] = {}
    items = []
    for i in range(n):
        author = f"p{int(rng.paretovariate(1.2)) % max(1, n // 3)}"
        seq = seen.get(author, 0)
        seen[author] = seq + 1
        items.append(
            RankItem(
                id=i,
                author_key=author,
                region=regions[i],
                theme=rng.choice(THEMES),
                votes=min(int(rng.expovariate(0.4)), 200),
                asked_at=NOW - timedelta(minutes=ages[i]),
                pinned=i in (n // 2, n // 3, n // 5),
                held=rng.random() < 0.01,
                author_seq=seq,
            )
        )
    # Not shuffled: callers build the list from rows in one go, so list order follows memory
    # order. A shuffled 100,000-item list runs ~3x slower in every pass from cache misses alone.
    return items


def median_ms(run: Callable[[], object], repeats: int) -> float:
    """Median wall time of ``repeats`` calls, in milliseconds."""
    run()  # warm caches (tables, penalty lookup)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    args = parser.parse_args()
    results: dict[tuple[str, int], tuple[float, float]] = {}
    print(f"{'mode':<6} {'n':>8} {'top 20 (ms)':>12} {'full (ms)':>11}")
    for n in SIZES:
        items = make_queue(n, seed=n)
        top_repeats = 5 if args.quick else (31 if n <= 10_000 else 11)
        full_repeats = 3 if args.quick or n > 10_000 else 7
        for mode in MODES:
            settings = RankingSettings(mode=mode)
            top = median_ms(partial(rank_queue, items, NOW, settings, top=TOP), top_repeats)
            full = median_ms(partial(rank_queue, items, NOW, settings), full_repeats)
            results[(mode, n)] = (top, full)
            print(f"{mode:<6} {n:>8,} {top:>12.2f} {full:>11.1f}")
    print()
    print("growth relative to n = 1,000 (about 1 = as expected)")
    print(f"{'mode':<6} {'n':>8} {'full / n log n':>15} {'top 20 / n':>11}")
    first = SIZES[0]
    for mode in MODES:
        top0, full0 = results[(mode, first)]
        for n in SIZES:
            top, full = results[(mode, n)]
            full_ratio = (full / (n * math.log2(n))) / (full0 / (first * math.log2(first)))
            top_ratio = (top / n) / (top0 / first)
            print(f"{mode:<6} {n:>8,} {full_ratio:>15.2f} {top_ratio:>11.2f}")


if __name__ == "__main__":
    main()
