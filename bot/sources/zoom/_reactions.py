"""Replies and reactions, which Zoom writes as messages quoting a snippet of their target.

English clients write ``Reacted to "snippet..." with 👍``, ``Removed a 👍 reaction from
"snippet..."`` and ``Replying to "snippet..."``. Localised clients translate the sentence. The
localised shapes below are INFERRED from how each language would phrase it (not confirmed
from a real file, except those marked (c)), so that a localised reaction counts as a vote instead of landing in the
queue as chatter; a shape we got wrong leaves that line a plain message, as before:

=====  ===============================================  ==========================
lang   reaction                                         reply
=====  ===============================================  ==========================
fr     ``A réagi à "..." avec 👍``                        ``En réponse à "..."``
es     ``Reaccionó a "..." con 👍``                       ``Respondiendo a "..."``
pt     ``Reagiu a "..." com 👍``                          ``Respondendo a "..."``
de     ``Hat mit 👍 auf "..." reagiert``,                 ``Antwort auf "..."``
       ``Reagierte auf "..." mit 👍``
nl     ``Reageerde op "..." met 👍``                      ``Antwoord op "..."``
it     ``Ha reagito a "..." con 👍``                      ``Risposta a "..."``
ja     ``"..."に👍で反応しました``                            ``"..."に返信``
ko     ``"..."에 👍(으)로 반응함`` (also 으로 / 로)            ``"..."에 답장``
zh     ``对"..."做出了👍回应``                               ``回复"..."``
ru     (not known)                                      ``Ответ на "..."`` (c)
uk     (not known)                                      ``Відповідь на "..."`` (c)
=====  ===============================================  ==========================

(c) confirmed: a public Ukrainian Zoom chat parser (``CodeNoob53/Zoom-chat-parser``) strips these.

The snippet may be in straight, curly (“ ”, ‘ ’), low German („ “), CJK (「 」, 『 』) or
guillemet (« ») quotes; it runs to the last closing quote that the sentence's tail follows, so
a snippet may itself hold quotes.
"""

from __future__ import annotations

import re

_OPEN = '"“”„‘「『«'
_CLOSE = '"”“’」』»'
_SNIPPET = f"[{_OPEN}](?P<snippet>.*)[{_CLOSE}]"
_EMOJI = r"(?P<emoji>[^\s\w]\S*?)"  # a symbol, not a word: "con calma" is no reaction

#: One regular expression per reaction sentence ({S} the quoted snippet, {E} the emoji).
_REACTION_SHAPES = (
    "Reacted to {S} with {E}",  # en
    "A réagi à {S} avec {E}",  # fr
    "Reaccionó a {S} con {E}",  # es
    "Reagiu a {S} com {E}",  # pt
    "Hat mit {E} auf {S} reagiert",  # de
    "Reagierte auf {S} mit {E}",  # de
    "Reageerde op {S} met {E}",  # nl
    "Ha reagito a {S} con {E}",  # it
    "{S}\\s?に\\s?{E}\\s?で反応しました",  # ja
    "{S}\\s?에\\s?{E}\\s?(?:\\(으\\)로|으로|로)\\s?반응(?:함|했습니다|했음)\\.?",  # ko
    "对\\s?{S}\\s?做出了\\s?{E}\\s?(?:的)?回应",  # zh
)
_REPLY_SHAPES = (
    "Replying to {S}",  # en
    "En réponse à {S}",  # fr
    "Respondiendo a {S}",  # es
    "Respondendo a {S}",  # pt
    "Antwort auf {S}",  # de
    "Antwoord op {S}",  # nl
    "Risposta a {S}",  # it
    "Ответ на {S}",  # ru
    "Відповідь на {S}",  # uk
    "{S}\\s?に返信",  # ja
    "{S}\\s?에 답장",  # ko
    "回复\\s?{S}",  # zh
)


def _compile(shapes: tuple[str, ...]) -> list[re.Pattern[str]]:
    return [
        re.compile(
            "^" + shape.replace("{S}", _SNIPPET).replace("{E}", _EMOJI) + r"\s*$",
            re.DOTALL | re.IGNORECASE,
        )
        for shape in shapes
    ]


_REACTIONS = _compile(_REACTION_SHAPES)
_REPLIES = _compile(_REPLY_SHAPES)
REMOVED = re.compile(r'^Removed an? (?P<emoji>\S+) reaction from "(?P<snippet>.*)"\s*$', re.DOTALL)


def reaction_of(body: str) -> tuple[str, str, bool] | None:
    """(emoji, quoted snippet, taken back) when ``body`` is a reaction line, else None."""
    for pattern in _REACTIONS:
        if match := pattern.match(body):
            return match["emoji"], match["snippet"], False
    if match := REMOVED.match(body):
        return match["emoji"], match["snippet"], True
    return None


def reply_of(first_line: str) -> str | None:
    """The quoted snippet when ``first_line`` opens a reply (``Replying to "..."``), else None."""
    for pattern in _REPLIES:
        if match := pattern.match(first_line):
            return match["snippet"]
    return None
