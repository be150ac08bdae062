"""The moderator board: one pinned message in the moderator channel, edited in place.

This package only assembles the feature; the logic lives in private modules:

* ``_render``: :func:`render_board_embed`, the board as an embed (pure, fits Discord's limits);
* ``_limiter``: :class:`EditLimiter`, when the next edit may go (5 edits per 5 s per channel);
* ``_updater``: :class:`BoardUpdater`, the task that keeps the message current;
* ``_view``: :class:`BoardView`, the persistent moderator buttons;
* ``_cog``: :class:`BoardCog`, which wires them to the queue and to Discord events.
"""

from cogs.board._cog import BoardCog
from cogs.board._limiter import EditLimiter
from cogs.board._render import (
    BOARD_TITLE,
    current_board_embed,
    is_board_message,
    render_board_embed,
)
from cogs.board._updater import BoardUpdater
from cogs.board._view import BoardView

__all__ = [
    "BOARD_TITLE",
    "BoardCog",
    "BoardUpdater",
    "BoardView",
    "EditLimiter",
    "current_board_embed",
    "is_board_message",
    "render_board_embed",
]
