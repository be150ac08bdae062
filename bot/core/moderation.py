"""Moderation rules that hold a question for review instead of queueing it (pure)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timedelta

_LINK = re.compile(
    r"(https?://|www\.|discord\.gg/|\b[\w-]+\.(com|net|org|io|ly|xyz|ru|info)/)", re.I
)
_MASS_MENTION = re.compile(r"@(everyone|here)\b|<@&\d+>", re.I)
_USER_MENTION = re.compile(r"<@!?\d+>")

#: Reactions that count as a vote. Skin-tone variants are folded to the base emoji first.
VOTE_EMOJI = frozenset({"👍", "⬆️", "⬆", "👆", "➕", "+1", ":+1:", ":thumbsup:", "thumbsup"})
_SKIN_TONES = re.compile("[\U0001f3fb-\U0001f3ff]")


def is_vote_emoji(emoji: str) -> bool:
    """Whether a reaction counts as an upvote (👍 in any skin tone, ⬆️, ➕)."""
    return _SKIN_TONES.sub("", emoji).replace("\ufe0f", "") in {
        e.replace("\ufe0f", "") for e in VOTE_EMOJI
    }


def hold_reason(
    text: str,
    *,
    hold_links: bool = True,
    hold_mass_mentions: bool = True,
) -> str | None:
    """Why a question must wait for a moderator (a link, a mass mention), or None."""
    if hold_links and _LINK.search(text):
        return "contains a link"
    if hold_mass_mentions and (_MASS_MENTION.search(text) or len(_USER_MENTION.findall(text)) >= 4):
        return "mass mention"
    return None


def is_flooding(
    previous: Sequence[datetime], at: datetime, *, max_questions: int, window_seconds: int
) -> bool:
    """True when a person already asked ``max_questions`` questions within the window."""
    since = at - timedelta(seconds=window_seconds)
    return sum(1 for t in previous if since <= t <= at) >= max_questions
