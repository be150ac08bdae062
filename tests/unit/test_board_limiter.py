"""When the Discord board may be edited: at once when idle, never more than 5 edits per 5 s.

The limiter and the updater run on a virtual clock, so nothing here depends on how fast the
machine is: times are asserted exactly, in virtual seconds.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
from types import SimpleNamespace
from typing import Any

import discord
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cogs.board import BoardUpdater, EditLimiter


def max_in_window(times: list[float], window: float = 5.0) -> int:
    """The most edits in any half-open ``window`` [t, t + window)."""
    ordered = sorted(times)
    return max(
        (sum(1 for u in ordered if t <= u < t + window) for t in ordered),
        default=0,
    )


class VirtualClock:
    """A clock and an ``asyncio.sleep`` stand-in; time moves only when the test advances it."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start
        self._sleepers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._order = itertools.count()

    def __call__(self) -> float:
        return self.now

    async def sleep(self, delay: float) -> None:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self.now + max(0.0, delay), next(self._order), future))
        await future

    @staticmethod
    async def _settle() -> None:
        for _ in range(50):  # let every ready task run until it blocks again
            await asyncio.sleep(0)

    async def advance_to(self, when: float) -> None:
        """Run everything due up to ``when`` (in order), then set the clock to ``when``."""
        await self._settle()
        while self._sleepers and self._sleepers[0][0] <= when:
            due, _, future = heapq.heappop(self._sleepers)
            self.now = due
            if not future.done():
                future.set_result(None)
            await self._settle()
        self.now = when
        await self._settle()


# -- the limiter alone ----------------------------------------------------------------------


def test_an_idle_board_may_be_edited_at_once() -> None:
    clock = VirtualClock()
    limiter = EditLimiter(clock=clock)
    assert limiter.delay() == 0  # never edited
    limiter.record()
    clock.now += 30
    assert limiter.delay() == 0  # idle for a while: no floor under the next update


def test_a_change_soon_after_an_edit_waits_for_the_rest_of_the_second() -> None:
    clock = VirtualClock()
    limiter = EditLimiter(5, 5.0, clock=clock)
    limiter.record()
    clock.now += 0.3
    assert limiter.delay() == pytest.approx(0.7)
    clock.now += 0.7
    assert limiter.delay() == 0


def test_a_larger_burst_lets_quick_changes_through_at_once() -> None:
    clock = VirtualClock()
    limiter = EditLimiter(5, 5.0, burst=2, clock=clock)
    limiter.record()
    clock.now += 0.1
    assert limiter.delay() == 0
    limiter.record()
    clock.now += 0.1
    assert limiter.delay() == pytest.approx(0.9)


def test_the_window_is_never_exceeded_even_without_pacing() -> None:
    clock = VirtualClock()
    limiter = EditLimiter(5, 5.0, burst=5, clock=clock)
    for _ in range(5):
        assert limiter.delay() == 0
        limiter.record()
        clock.now += 0.01
    assert limiter.delay() == pytest.approx(5.0 - 0.05)


def test_min_gap_from_config_is_kept_between_any_two_edits() -> None:
    clock = VirtualClock()
    limiter = EditLimiter(5, 5.0, min_gap=2.0, clock=clock)
    limiter.record()
    clock.now += 0.5
    assert limiter.delay() == pytest.approx(1.5)
    clock.now += 10
    assert limiter.delay() == 0


@settings(max_examples=200, deadline=None)
@given(
    gaps=st.lists(st.floats(0.0, 3.0), min_size=1, max_size=80),
    durations=st.lists(st.floats(0.0, 0.5), min_size=1, max_size=10),
    burst=st.integers(1, 5),
    min_gap=st.sampled_from([0.0, 0.3, 2.0]),
)
def test_never_more_than_5_edits_in_any_5_s_window(
    gaps: list[float], durations: list[float], burst: int, min_gap: float
) -> None:
    """Whenever changes come and however long edits take, an edit sent as soon as the limiter
    allows it never makes six in five seconds (measured from when each edit is sent)."""
    clock = VirtualClock(0.0)
    limiter = EditLimiter(5, 5.0, burst=burst, min_gap=min_gap, clock=clock)
    sent: list[float] = []
    for i, gap in enumerate(gaps):
        clock.now += gap  # a change arrives
        clock.now += limiter.delay()
        sent.append(clock.now)
        clock.now += durations[i % len(durations)]
        limiter.record()
    assert max_in_window(sent) <= 5
    assert all(b - a >= min_gap - 1e-9 for a, b in itertools.pairwise(sent))


# -- the updater on a virtual clock ---------------------------------------------------------


class FakeMessage:
    """Stands in for the board's discord.Message; records what each edit showed and when."""

    id = 42

    def __init__(self, clock: VirtualClock, round_trip: float = 0.05) -> None:
        self.clock = clock
        self.round_trip = round_trip
        self.edits: list[tuple[float, int]] = []  # (time sent, changes shown)
        self.fail_next = 0

    async def edit(self, *, embed: discord.Embed, **_: Any) -> None:
        sent = self.clock.now
        await self.clock.sleep(self.round_trip)
        if self.fail_next:
            self.fail_next -= 1
            raise discord.HTTPException(SimpleNamespace(status=503, reason="down"), "down")
        self.edits.append((sent, int(embed.title or 0)))


class CountingUpdater(BoardUpdater):
    """The real updater, rendering a counter of the changes it was told about."""

    def __init__(self, clock: VirtualClock, **kwargs: Any) -> None:
        bot = SimpleNamespace(wait_until_ready=self._ready, is_closed=lambda: False)
        limiter = EditLimiter(5, 5.0, clock=clock, **kwargs)
        super().__init__(bot, None, None, channel_id=1, limiter=limiter, sleep=clock.sleep)  # type: ignore[arg-type]
        self.changes = 0
        self.board = FakeMessage(clock)
        self.message = self.board  # type: ignore[assignment]

    @staticmethod
    async def _ready() -> None:
        return None

    def change(self) -> None:
        self.changes += 1
        self.request()

    async def render(self) -> discord.Embed:
        return discord.Embed(title=str(self.changes))


@pytest.fixture
async def board() -> Any:
    clock = VirtualClock()
    updater = CountingUpdater(clock)
    updater.start()
    await clock.advance_to(clock.now)
    yield clock, updater
    await updater.stop()


async def test_an_idle_board_is_edited_at_once(board: Any) -> None:
    clock, updater = board
    await clock.advance_to(clock.now + 60)
    asked = clock.now
    updater.change()
    await clock.advance_to(clock.now + 0.2)
    assert updater.board.edits == [(asked, 1)]  # sent the moment it was asked: no 2 s floor


async def test_a_burst_is_coalesced_within_5_edits_per_5_s_and_the_board_catches_up(
    board: Any,
) -> None:
    clock, updater = board
    start = clock.now
    asked: list[float] = []
    for i in range(200):  # 20 changes a second for 10 s
        await clock.advance_to(start + i * 0.05)
        asked.append(clock.now)
        updater.change()
    await clock.advance_to(clock.now + 10)

    edits = updater.board.edits
    assert max_in_window([t for t, _ in edits]) <= 5
    assert len(edits) < 20  # 200 changes, coalesced
    assert edits[-1][1] == 200  # the last change is shown
    # every change is on the board about a second after it arrived (the rate allows no less)
    for n, t in enumerate(asked, start=1):
        shown = next(sent for sent, count in edits if count >= n)
        assert shown - t <= 1.0 + updater.board.round_trip + 1e-9


async def test_a_failed_edit_is_retried_with_the_changes_since(board: Any) -> None:
    clock, updater = board
    updater.board.fail_next = 1
    updater.change()
    await clock.advance_to(clock.now + 0.2)
    assert updater.board.edits == []
    updater.change()
    await clock.advance_to(clock.now + 10)
    assert updater.board.edits[-1][1] == 2
    assert len(updater.board.edits) == 1
