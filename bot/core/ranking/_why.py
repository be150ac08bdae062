"""The why line of each rank (see :mod:`bot.core.ranking`)."""

from __future__ import annotations

import math
from collections import Counter

from bot.core.ranking._merge import _base_ranks, _Pool
from bot.core.ranking._model import _HISTORY, _SOUTH, _THEME, Answered, Ranked, RankItem
from bot.core.ranking._score import _Ctx, _log_key


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
