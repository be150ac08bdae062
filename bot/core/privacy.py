"""Finding people's names in free text, in any case and any script: pure, no I/O.

Used by the export (names of people who did not consent become ``[name]``) and by ``forget``
(mentions of a forgotten person are rewritten in everyone's messages, in the database itself).

How a name is found:
- a full name (two or more parts) matches in any letter case, with any spacing between parts;
- a single part of a name (a first name or surname alone) matches in any case, as a whole word
  (a neighbouring letter, combining mark or digit of any script means it is part of another word);
- unless that part is also an ordinary word (Justice, Peace, Blessing, Grace, Amani, Paz...: the
  shipped list :data:`NAME_WORDS`; the caller may add more). Such a part alone is a name only
  where it is written as one: with a capital initial, not all capitals, and not
  opening a sentence, or right after ``@``. So "justice and peace programmes" keeps its words,
  "I agree with Grace" loses the name, and "Justice and peace..." opening a message is kept;
- connecting words (van, der, de, dos, the, guest...) are never a name on their own.

Why a list and not the chat itself: people type each other's names in lower case ("thanks
grace", "wanjiru is right"), so a part seen in lower case is no evidence that it is a word.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable

from bot.core.regions import base_display_name

NAME_MARK = "[name]"
#: What an email address in free text becomes (exports, forgetting).
EMAIL_MARK = "[email removed]"
#: An email address in free text.
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

#: Parts of names that never identify anybody on their own.
CONNECTORS = frozenset(
    [
        "van",
        "von",
        "den",
        "der",
        "des",
        "del",
        "della",
        "di",
        "da",
        "de",
        "du",
        "le",
        "la",
        "las",
        "los",
        "dos",
        "das",
        "do",
        "e",
        "y",
        "the",
        "al",
        "el",
        "bin",
        "ibn",
        "binti",
        "ter",
        "ten",
        "het",
        "guest",
        "host",
        "moderator",
        "admin",
        "iphone",
        "android",
        "ipad",
        "bot",
        "spam",
        "user",
        "participant",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
    ]
)

#: Given names that are ordinary words in the project's languages (en, nl, fr, es, pt, sw).
NAME_WORDS = frozenset(
    [
        "justice",
        "peace",
        "blessing",
        "blessings",
        "grace",
        "hope",
        "faith",
        "joy",
        "mercy",
        "patience",
        "precious",
        "gift",
        "charity",
        "love",
        "will",
        "may",
        "mark",
        "bill",
        "rose",
        "lily",
        "dawn",
        "april",
        "june",
        "august",
        "victory",
        "prosper",
        "prudence",
        "constance",
        "harmony",
        "honour",
        "honor",
        "unity",
        "liberty",
        "trust",
        "chance",
        "sunny",
        "sky",
        "river",
        "stone",
        "king",
        "major",
        "young",
        "long",
        "white",
        "brown",
        "green",
        "black",
        "bright",
        "fortune",
        "goodluck",
        "innocent",
        "memory",
        "comfort",
        "favour",
        "favor",
        "happy",
        "lucky",
        "wisdom",
        "godsave",
        "given",
        "loveness",
        "pleasure",
        "promise",
        "providence",
        "royal",
        "smart",
        "welcome",
        "amani",
        "imani",
        "baraka",
        "neema",
        "furaha",
        "upendo",
        "zawadi",
        "tumaini",
        "rehema",
        "hekima",
        "pendo",
        "faraja",
        "zuri",
        "baraka",
        "bahati",
        "salama",
        "subira",
        "huruma",
        "hoop",
        "roos",
        "geluk",
        "vrede",
        "paix",
        "espérance",
        "esperance",
        "paz",
        "luz",
        "esperanza",
        "consuelo",
        "dolores",
        "rosa",
        "rocío",
        "rocio",
        "amparo",
        "pilar",
        "mercedes",
        "socorro",
        "alegría",
        "alegria",
        "gloria",
        "fe",
        "caridad",
        "milagros",
        "flor",
        "cruz",
        "sol",
        "soledad",
        "ángeles",
        "angeles",
        "victoria",
        "fortuna",
        "aurora",
        "estrela",
        "vitória",
        "vitoria",
        "graça",
        "graca",
        "fé",
    ]
)

_SENTENCE_END = ".!?:;\n¿¡。！？"


def is_word_char(ch: str) -> bool:
    """A letter, combining mark or digit of any script (part of a word)."""
    return unicodedata.category(ch)[0] in "LMN"


def name_parts(name: str) -> list[str]:
    """The parts of a display name, without a country or organisation suffix."""
    base = unicodedata.normalize("NFC", base_display_name(name))
    return [p for p in re.split(r"[\s\-‐–—_.,()]+", base) if p]


def _clearly_a_name(text: str, start: int, end: int) -> bool:
    """Whether an ordinary word at ``text[start:end]`` is written as a name."""
    if start > 0 and text[start - 1] == "@":
        return True
    word = text[start:end]
    if not word[:1].isupper() or (len(word) > 1 and word.isupper()):
        return False
    before = text[:start].rstrip()
    return bool(before) and before[-1] not in _SENTENCE_END


class NameFinder:
    """Replaces the given people's names in free text with :data:`NAME_MARK`."""

    def __init__(self, names: Iterable[str], ordinary: Collection[str] = ()) -> None:
        full: set[str] = set()
        parts: set[str] = set()
        self._ordinary = {w.casefold() for w in ordinary} | NAME_WORDS
        for name in names:
            split = name_parts(name)
            if len(split) > 1:
                full.add(r"\s+".join(re.escape(p) for p in split))
            for part in split:
                if self._usable(part):
                    parts.add(re.escape(part))
        alternatives = sorted(full, key=len, reverse=True) + sorted(parts, key=len, reverse=True)
        self._pattern = (
            re.compile("|".join(f"(?:{a})" for a in alternatives), re.IGNORECASE)
            if alternatives
            else None
        )
        self._full = [re.compile(a, re.IGNORECASE) for a in full]

    @staticmethod
    def _usable(part: str) -> bool:
        letters = sum(ch.isalpha() for ch in part)
        latin = all(ord(ch) < 0x250 for ch in part)
        return letters >= (3 if latin else 2) and part.casefold() not in CONNECTORS

    def _is_full(self, found: str) -> bool:
        return any(p.fullmatch(found) for p in self._full)

    def __call__(self, text: str) -> str:
        """``text`` with every name found replaced."""
        if self._pattern is None or not text:
            return text
        text = unicodedata.normalize("NFC", text)
        out: list[str] = []
        last = 0
        pos = 0
        while True:
            match = self._pattern.search(text, pos)
            if match is None:
                break
            start, end = match.span()
            pos = start + 1
            if (start > 0 and is_word_char(text[start - 1])) or (
                end < len(text) and is_word_char(text[end])
            ):
                continue
            found = match.group()
            if (
                not self._is_full(found)
                and found.casefold() in self._ordinary
                and not _clearly_a_name(text, start, end)
            ):
                continue
            if start < last:
                continue
            out.append(text[last:start])
            out.append(NAME_MARK)
            last = pos = end
        out.append(text[last:])
        return "".join(out)
