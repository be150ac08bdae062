"""Who a chat message addresses: a name it opens with, and whether that is a fellow participant.

A question that opens by naming a participant who has chatted ("Grace, do you...", "@Arjun which
tool...") is between participants (``peer``) only when it is small talk or asks for a resource;
a substantive question, or one that takes up what the person said ("Henrik, you mentioned 25%..."),
is for the panel, whoever the named person is.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from bot.core import lexicon_more as more
from bot.core import lexicon_turns as turns
from bot.core.lexicon import TITLES
from bot.core.text import name_key

_ADDRESS = re.compile(r"^\s*(@)?([^\W\d_][\w'.-]*(?:\s+[^\W\d_][\w'.-]*){0,2})\s*([,:]?)")


def addressed_name(text: str) -> str | None:
    """The first name a message opens by addressing ("@Achieng what's...", "Femke, is..."), or
    None; a title is skipped ("@Mme Diarra," -> "Diarra")."""
    match = _ADDRESS.match(text)
    if match is None or not (match.group(1) or match.group(3)):
        return None
    words = match.group(2).split()
    if TITLES.match(words[0]):
        words = words[1:]
    return words[0] if words and (match.group(1) or len(words) <= 2) else None


_FAMILIAR = re.compile(
    r"(?i)^(?:don|do[ñn]a|mas|mbak|kak|bang|ate|kuya|ndugu|mama|baba|malam|mallam|dada|bhai|"
    r"didi|tante|oom|tío|tía|tia|tio|ji|jee|sahib|saab|bhaiya|apa|baji|dai)$"
)
# A name called at the end: "..., Ana?", "..., @Ana"
_TRAILING = re.compile(r",\s*@?([^\W\d_][\w'-]*)\s*[?？!.]*\s*$")


def _known(key: str, peers: Collection[str]) -> bool:
    return bool(key) and any(p == key or p.startswith(key + " ") for p in peers)


# A name with the everyday honorific of Japanese or Korean ("中村さん、", "오승우님 "); 先生 and
# 교수님 mark a speaker, so they are not here.
_NAME_SAN = re.compile(
    r"^\s*@?([^\W\d_][^\W\d_ ]{0,11}?(?: [^\W\d_]{1,12})?)(?:さん|様|さま|님|씨)(?:[、,，\s])"
)
_AUX_WORD = re.compile(r"(?i)^(?:are|do|did|can|could|have|is|will|would|were)$")


def addressed_peer(text: str, peers: Collection[str]) -> bool:
    """Whether ``text`` opens by addressing a fellow participant ("@Arjun which tool...",
    "Grace, do you..."): a name (an @mention, or a name then a comma) that starts the name key of
    one of ``peers``, the participants who have chatted. A title ("@Dr. Lima", "Mme Diarra,")
    marks a speaker, so it is never a peer."""
    if not peers:
        return False
    honorific = _NAME_SAN.match(text)  # "中村さん、...", "오승우님 혹시 ..."
    if honorific:
        key = name_key(honorific.group(1))
        return bool(key) and any(p == key or p.startswith(key + " ") for p in peers)
    trailing = _TRAILING.search(text)  # "Did you mean the 2019 one, Ana?"
    if trailing and _known(name_key(trailing.group(1)), peers):
        return True
    match = _ADDRESS.match(text)
    if match is None:
        return False
    mention, words = match.group(1), match.group(2).split()
    if TITLES.match(words[0]):
        return False
    if len(words) > 1 and _FAMILIAR.match(words[0]):  # "Mas Rizky,", "Don Segundo,"
        words = words[1:]
    elif len(words) > 1 and _FAMILIAR.match(words[-1]):  # "Ayaz bhai,", "Bikash ji,"
        words = words[:-1]
    # An @mention runs into the question ("@Arjun which tool"): try each length; a vocative
    # must end in a comma or colon ("Arjun, which ...").
    lengths = range(1, len(words) + 1) if mention else [len(words)] if match.group(3) else []
    if not mention and not match.group(3) and len(words) > 1 and _AUX_WORD.match(words[1]):
        lengths = [1]  # "Priya are you in the library too?"
    for n in lengths:
        key = name_key(" ".join(words[:n]))
        # a given name may come first or last ("Chan Sreymom" is called "Sreymom")
        if key and any(p == key or p.startswith(key + " ") or p.endswith(" " + key) for p in peers):
            return True
    return False


def vocative_rest(text: str) -> str:
    """The text after an opening vocative ("Dr Uwase, ...", "Henrik: ..."), else the text."""
    match = _ADDRESS.match(text)
    if match and match.group(3) and len(match.group(2).split()) <= 3:
        return text[match.end() :].strip() or text
    return text


def small_talk(text: str) -> bool:
    """A question to a fellow participant stays between them (``peer``) when it is small talk
    or asks for a resource ("are you in Palu too?", "do you have the report?"); a substantive one that takes up what the person said is for the panel."""
    if more.REFERS.search(text):
        return False
    return bool(
        more.SMALL_TALK.search(text) or more.RESOURCE.search(text) or turns.PEER_ASK.search(text)
    )
