"""The language identifier shipped before issue 13: the baseline of ``bench_langid.py``.

langdetect is random by design; we seed its factory once and use our own detector instances so the
same text always gets the same answer. Chat messages are often too short for character statistics
("asante sana!", "Q: waarom?"), so below ``SHORT_TEXT_CHARS`` characters, or when langdetect is
unsure, a vote over frequent function words of the supported languages decides; if that finds
nothing either, the result is ``und`` (undetermined) rather than a guess.
"""

from __future__ import annotations

import re
import threading

from langdetect import DetectorFactory
from langdetect.detector_factory import PROFILES_DIRECTORY
from langdetect.lang_detect_exception import LangDetectException

from bot.core.text import fold

SUPPORTED = ("en", "nl", "fr", "es", "pt", "sw")
SHORT_TEXT_CHARS = 25
UNDETERMINED = "und"

_MARKERS: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "the",
            "and",
            "is",
            "are",
            "what",
            "how",
            "why",
            "when",
            "who",
            "which",
            "will",
            "would",
            "could",
            "should",
            "can",
            "you",
            "we",
            "our",
            "this",
            "that",
            "with",
            "for",
            "from",
            "of",
            "to",
            "thanks",
            "thank",
            "hello",
            "please",
            "does",
            "do",
        ]
    ),
    "nl": frozenset(
        [
            "de",
            "het",
            "een",
            "en",
            "is",
            "zijn",
            "wat",
            "hoe",
            "waarom",
            "wanneer",
            "wie",
            "welke",
            "wordt",
            "worden",
            "kan",
            "kunnen",
            "jullie",
            "wij",
            "onze",
            "dit",
            "dat",
            "met",
            "voor",
            "van",
            "naar",
            "bedankt",
            "dank",
            "goedemorgen",
            "hallo",
            "vraag",
            "niet",
            "ook",
            "nog",
        ]
    ),
    "fr": frozenset(
        [
            "le",
            "la",
            "les",
            "un",
            "une",
            "et",
            "est",
            "sont",
            "que",
            "quel",
            "quelle",
            "comment",
            "pourquoi",
            "quand",
            "qui",
            "nous",
            "vous",
            "notre",
            "ce",
            "cette",
            "avec",
            "pour",
            "de",
            "du",
            "des",
            "merci",
            "bonjour",
            "est-ce",
            "pas",
            "aussi",
        ]
    ),
    "es": frozenset(
        [
            "el",
            "la",
            "los",
            "las",
            "un",
            "una",
            "y",
            "es",
            "son",
            "que",
            "como",
            "por",
            "cuando",
            "quien",
            "cual",
            "nosotros",
            "ustedes",
            "nuestro",
            "este",
            "esta",
            "con",
            "para",
            "del",
            "gracias",
            "hola",
            "pregunta",
            "pero",
            "tambien",
            "muy",
        ]
    ),
    "pt": frozenset(
        [
            "o",
            "a",
            "os",
            "as",
            "um",
            "uma",
            "e",
            "e",
            "sao",
            "que",
            "como",
            "por",
            "quando",
            "quem",
            "qual",
            "nos",
            "voces",
            "nosso",
            "este",
            "esta",
            "com",
            "para",
            "do",
            "da",
            "dos",
            "das",
            "obrigado",
            "obrigada",
            "ola",
            "pergunta",
            "mas",
            "tambem",
            "muito",
            "nao",
        ]
    ),
    "sw": frozenset(
        [
            "na",
            "ya",
            "wa",
            "za",
            "kwa",
            "ni",
            "je",
            "nini",
            "vipi",
            "lini",
            "wapi",
            "nani",
            "gani",
            "sisi",
            "ninyi",
            "yetu",
            "hii",
            "hiyo",
            "asante",
            "sana",
            "habari",
            "swali",
            "lakini",
            "pia",
            "kuna",
            "jinsi",
            "gani",
            "wizara",
            "serikali",
        ]
    ),
}
_WORD = re.compile(r"[\w'-]+")


class LanguageDetector:
    """Thread-safe, deterministic language identification."""

    def __init__(self, seed: int = 0) -> None:
        self._factory = DetectorFactory()
        self._factory.load_profile(PROFILES_DIRECTORY)
        self._factory.seed = seed
        self._lock = threading.Lock()

    def detect(self, text: str) -> str:
        """ISO 639-1 code of ``text`` (or ``und`` when nothing can be said)."""
        cleaned = re.sub(r"https?://\S+|@\w+|[\d_]+", " ", text).strip()
        if len(cleaned) < SHORT_TEXT_CHARS:
            if len(cleaned) < 12:
                return _marker_vote(cleaned) or UNDETERMINED
            return _marker_vote(cleaned) or self._langdetect(cleaned, min_prob=0.95)
        found = self._langdetect(cleaned, min_prob=0.6)
        if found == UNDETERMINED:
            return _marker_vote(cleaned) or UNDETERMINED
        return found

    def _langdetect(self, text: str, min_prob: float) -> str:
        if not any(ch.isalpha() for ch in text):
            return UNDETERMINED
        with self._lock:
            try:
                detector = self._factory.create()
                detector.append(text)
                probabilities = detector.get_probabilities()
            except LangDetectException:
                return UNDETERMINED
        if not probabilities or probabilities[0].prob < min_prob:
            return UNDETERMINED
        code = str(probabilities[0].lang)
        return code.split("-")[0]


def _marker_vote(text: str) -> str | None:
    """The supported language whose function words occur most; None on no hit or a tie."""
    words = [w.strip("'-") for w in _WORD.findall(fold(text))]
    counts = {lang: sum(w in markers for w in words) for lang, markers in _MARKERS.items()}
    best = max(counts.values(), default=0)
    winners = [lang for lang, n in counts.items() if n == best]
    if best == 0 or len(winners) != 1:
        return None
    return winners[0]
