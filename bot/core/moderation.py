"""Moderation rules that hold a message for review instead of showing it (pure).

:func:`spam_reason` applies to EVERY public chat message, not only to questions: a link (also a
bare domain such as ``cheapfollowers.shop`` or a short link such as ``t.co/abc123``) or a mass
mention makes the message held for a moderator, kept out of the queue, the boards and the export's
chat appendix (the method note counts them). Hosts' messages are exempt (they share the links).
:func:`is_repeated` flags the same text posted again and again (a flood) whatever it says.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timedelta

_LINK = re.compile(
    r"(?:https?://|ftp://|www\.|discord\.gg/)|"
    r"\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,24}/\S*|"
    r"\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|org|net|info|biz|io|ly|co|me|gg|app|dev|"
    r"xyz|shop|site|online|club|top|store|link|live|news|tk|ru|cn|buzz|click|win|bid|"
    r"loan|vip|icu|cc|pw|su)\b",
    re.I,
)
_MASS_MENTION = re.compile(r"@(everyone|here|all|channel)\b|<@&\d+>", re.I)
_AT_NAME = re.compile(r"(?<!\w)@[\w.-]+")
_USER_MENTION = re.compile(r"<@!?\d+>")

#: Reactions that count as a vote. Skin-tone variants are folded to the base emoji first.
VOTE_EMOJI = frozenset({"👍", "⬆️", "⬆", "👆", "➕", "+1", ":+1:", ":thumbsup:", "thumbsup"})
_SKIN_TONES = re.compile("[\U0001f3fb-\U0001f3ff]")


def is_vote_emoji(emoji: str) -> bool:
    """Whether a reaction counts as an upvote (👍 in any skin tone, ⬆️, ➕)."""
    return _SKIN_TONES.sub("", emoji).replace("\ufe0f", "") in {
        e.replace("\ufe0f", "") for e in VOTE_EMOJI
    }


def spam_reason(
    text: str,
    *,
    hold_links: bool = True,
    hold_mass_mentions: bool = True,
) -> str | None:
    """Why a public message must wait for a moderator (``"contains a link"``,
    ``"mass mention"``), or None. Apply it to every public message, whatever its kind."""
    if hold_links and _LINK.search(text):
        return "contains a link"
    if hold_mass_mentions and (
        _MASS_MENTION.search(text)
        or len(_USER_MENTION.findall(text)) >= 4
        or len(set(_AT_NAME.findall(text))) >= 5
    ):
        return "mass mention"
    return None


def is_repeated(text: str, recent_texts: Sequence[str], *, times: int = 3) -> bool:
    """True when ``text`` is the ``times``-th copy (case and spacing folded) among a sender's
    recent public messages plus this one: a flood, held like spam."""
    key = " ".join(text.casefold().split())
    if not key:
        return False
    return 1 + sum(1 for t in recent_texts if " ".join(t.casefold().split()) == key) >= times


def is_flooding(
    previous: Sequence[datetime], at: datetime, *, max_questions: int, window_seconds: int
) -> bool:
    """True when a person already asked ``max_questions`` questions within the window."""
    since = at - timedelta(seconds=window_seconds)
    return sum(1 for t in previous if since <= t <= at) >= max_questions
