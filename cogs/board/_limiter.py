"""When the board may be edited next: Discord allows 5 edits per 5 s per channel.

:class:`EditLimiter` is a sliding window (never more than ``max_edits`` in any ``window``
seconds) with two refinements that keep the board close to the chat:

* an idle board is edited at once (no floor under an update);
* once the board is busy (``burst`` edits in the window), edits are spaced evenly at
  ``window / max_edits``, so a steady chat gets an edit every second instead of five edits at
  once followed by a five-second silence (a plain sliding window does that, and its latency
  under a steady chat is up to the whole window).

``burst`` defaults to 1: a board edited less than a second ago waits for the rest of that
second. A larger burst shows a quick second change sooner, but if the chat goes on, the window
later forces one longer gap (about 1.9 s with ``burst=2``), which costs more than it gains.

Pure: no discord, no asyncio; the clock is injected so tests can use a fake one.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable


class EditLimiter:
    """Sliding-window limiter for edits of one message (or one channel)."""

    def __init__(
        self,
        max_edits: int = 5,
        window: float = 5.0,
        *,
        burst: int = 1,
        min_gap: float = 0.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if max_edits < 1 or window <= 0 or burst < 1 or min_gap < 0:
            raise ValueError("max_edits >= 1, window > 0, burst >= 1 and min_gap >= 0")
        self.max_edits = max_edits
        self.window = window
        self.burst = burst
        self.min_gap = min_gap
        self.clock = clock
        self._times: deque[float] = deque(maxlen=max_edits)

    @property
    def pace(self) -> float:
        """The gap between edits while the board is busy."""
        return max(self.min_gap, self.window / self.max_edits)

    def delay(self) -> float:
        """Seconds to wait before the next edit may be sent (0: now)."""
        if not self._times:
            return 0.0
        now = self.clock()
        recent = sum(1 for t in self._times if t > now - self.window)
        ready = self._times[-1] + (self.pace if recent >= self.burst else self.min_gap)
        if len(self._times) == self.max_edits:
            ready = max(ready, self._times[0] + self.window)
        return max(0.0, ready - now)

    def record(self) -> None:
        """An edit was sent (call when it is done: the server has seen it by then)."""
        self._times.append(self.clock())
