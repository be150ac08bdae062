"""Who runs the webinar, as the chat itself shows it (pure).

Hosts' questions to the audience ("Can everyone see my screen?", "@Aaron what's your take?") must
not reach the panel's queue. Configured hosts (``[event] hosts``) always count; without them, the
chat tells. The rule, on public messages only:

* a sender who welcomes everyone or opens the session once ("Welcome everyone to...", "We will
  start in...", "This session is being recorded", "Please use the Q&A to ask") is a host;
* so is one who makes two other announcements ("Reminder:", "Please post/type...", "Next up",
  "We'll take a break", "Here is the link"), or one announcement and one shared link;
* links alone never make a host (a spammer posts links), and at most :data:`MAX_HOSTS` senders
  (the most announcing) are hosts.

Inferred hosts only keep their own messages out of the queue; they are NOT exempt from the spam
rules (a spammer can write "welcome everyone"): only configured hosts and Zoom's own host flag are.
Hosts are recognised from what they have written so far: the intake can call :func:`infer_hosts`
on the public messages it has seen, and the hosts' first announcements are chatter anyway.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from bot.core.text import name_key

MAX_HOSTS = 4

_OPENING = re.compile(
    r"\b(welcome (?:everyone|all|to (?:the|this|our|today))|you are all welcome|"
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


def signals(text: str) -> tuple[int, int, int]:
    """(opening, announcement, link) signals of one public message."""
    if _OPENING.search(text):
        return 1, 0, 0
    return 0, int(bool(_ANNOUNCE.search(text))), int(bool(_LINK.search(text)))


class HostSignals:
    """Running counts of each sender's host signals; :meth:`hosts` applies the rule above.

    Keys are whatever identifies a sender (a name key, or a source's person key).
    """

    def __init__(self, counts: dict[str, tuple[int, int, int]] | None = None) -> None:
        self.opening: Counter[str] = Counter()
        self.announce: Counter[str] = Counter()
        self.links: Counter[str] = Counter()
        for key, (o, a, link) in (counts or {}).items():
            self._count(key, o, a, link)

    def _count(self, key: str, o: int, a: int, link: int) -> None:
        self.opening[key] += o
        self.announce[key] += a
        self.links[key] += link

    def add(self, key: str, text: str) -> tuple[int, int, int]:
        """Count one public message of ``key``; returns its signals."""
        found = signals(text)
        self._count(key, *found)
        return found

    def hosts(self) -> set[str]:
        """The senders the rule makes hosts (at most :data:`MAX_HOSTS`)."""
        opening, announce, links = self.opening, self.announce, self.links
        hosts = [
            key
            for key in set(opening) | set(announce)
            if opening[key] >= 1 or announce[key] >= 2 or (announce[key] >= 1 and links[key] >= 1)
        ]
        hosts.sort(key=lambda k: (-(2 * opening[k] + announce[k]), k))
        return set(hosts[:MAX_HOSTS])


def infer_hosts(messages: Iterable[tuple[str, str]], configured: Iterable[str] = ()) -> set[str]:
    """Name keys (:func:`bot.core.text.name_key`) of the hosts, from ``(author, text)`` pairs
    of public messages in chat order, plus the configured host names."""
    counts = HostSignals()
    for author, text in messages:
        counts.add(name_key(author), text)
    return counts.hosts() | {name_key(name) for name in configured}
