"""Who runs the webinar, as the chat itself shows it (pure).

Hosts' questions to the audience ("Can everyone see my screen?", "@Aaron what's your take?") must
not reach the panel's queue. Configured hosts (``[event] hosts``) always count; without them, the
chat tells. The rule, on public messages only:

* a message that welcomes everyone or opens the session ("Welcome everyone to...", "We will start
  in...", "This session is being recorded", "Please use the Q&A") scores 2;
* another announcement ("Reminder:", "Please post/type...", "Next up", "We'll take a break") or a
  message that shares a link scores 1;
* a sender whose score reaches 3 is a host; at most :data:`MAX_HOSTS` senders (the highest
  scores) are, so one busy link-sharer does not make the whole audience hosts.

Hosts are recognised from what they have written so far: the intake can call :func:`infer_hosts`
on the public messages it has seen, and the hosts' first announcements are chatter anyway.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from bot.core.text import name_key

MAX_HOSTS = 4
THRESHOLD = 3

_OPENING = re.compile(
    r"\b(welcome (?:everyone|all|to (?:the|this|our|today)|back)|you are all welcome|"
    r"we(?: will|'ll| are going to) (?:start|begin|get started)|let'?s (?:get )?start(?:ed)?|"
    r"this (?:session|webinar|meeting) is being recorded|we are recording|"
    r"please (?:use|post|type|put|write) (?:your|the) questions?|"
    r"bienvenid[oa]s|bienvenue [aà] tous|bem-vind[oa]s|welkom (?:allemaal|iedereen|bij)|"
    r"karibuni|herzlich willkommen)\b",
    re.IGNORECASE,
)
_ANNOUNCE = re.compile(
    r"^\s*(reminder|herinnering|rappel|recordatorio|lembrete|kumbusho|housekeeping|"
    r"please (?:post|type|put|write|keep|mute|rename|add)|next up|our next speaker|"
    r"we(?:'ll| will) (?:take|now|resume|move)|here is the link|here'?s the link|"
    r"the (?:slides|recording|link) (?:will|is|are))\b",
    re.IGNORECASE,
)
_LINK = re.compile(r"https?://|www\.", re.IGNORECASE)


def host_score(text: str) -> int:
    """How much one public message sounds like the host's."""
    if _OPENING.search(text):
        return 2
    return 1 if _ANNOUNCE.search(text) or _LINK.search(text) else 0


def infer_hosts(messages: Iterable[tuple[str, str]], configured: Iterable[str] = ()) -> set[str]:
    """Name keys (:func:`bot.core.text.name_key`) of the hosts, from ``(author, text)`` pairs
    of public messages in chat order, plus the configured host names."""
    scores: Counter[str] = Counter()
    for author, text in messages:
        score = host_score(text)
        if score:
            scores[name_key(author)] += score
    inferred = [key for key, score in scores.most_common(MAX_HOSTS) if score >= THRESHOLD]
    return set(inferred) | {name_key(name) for name in configured}
