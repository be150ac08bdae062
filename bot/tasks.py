"""Stopping background tasks reliably.

A cancellation can be swallowed inside a library (Python 3.11's ``asyncio.wait_for`` can lose one
when the awaited call finishes at the same moment); a task that then goes back to waiting for its
next change would never end, and whoever awaits it (a bot's shutdown) would hang. So: cancel,
wait a moment, cancel again; and loops check :func:`cancel_requested` before waiting again.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

log = logging.getLogger(__name__)


def cancel_requested() -> bool:
    """Whether the current task was asked to stop (even if a library swallowed the error)."""
    task = asyncio.current_task()
    return task is not None and task.cancelling() > 0


async def stop_task(task: asyncio.Task[Any], *, attempts: int = 20, wait: float = 0.25) -> bool:
    """Cancel ``task`` and wait until it has ended; False if it would not end."""
    for _ in range(attempts):
        if task.done():
            break
        task.cancel()
        await asyncio.wait({task}, timeout=wait)
    if not task.done():
        log.warning("background task %s did not stop", task.get_name())
        return False
    with contextlib.suppress(asyncio.CancelledError, Exception):
        task.result()  # retrieved, so a crash is not reported again as "never retrieved"
    return True
