"""Language identification for chat messages: script rules, py3langid and function words.

Deterministic and fast (well under a millisecond a message; ``benchmarks/bench_langid.py``). In order:

1. Links, @mentions and digits are removed; text without letters is ``und`` (undetermined).
2. **Script**: a text written mostly in Ethiopic is Amharic (``am``), in Bengali script Bangla
   (``bn``), in Devanagari Hindi (``hi``); Arabic script is Arabic (``ar``) unless letters that
   Arabic lacks (Persian/Urdu ``پ چ ژ گ ک ی ٹ ڈ ڑ ں ے``) let the statistical model choose.
3. **Very short texts** (under 12 characters): only a vote over frequent function words of the
   supported languages decides ("asante sana!", "Q: waarom?", "danke"); a text without such a
   word is ``und`` rather than a guess.
4. **py3langid** (langid.py's naive Bayes model, shipped in the wheel, about 100 languages
   including am, rw, so, ha, yo, zu): its top language if its probability reaches ``MIN_PROB``
   (``MIN_PROB_SHORT`` under ``SHORT_TEXT_CHARS`` characters), else the function-word vote,
   else ``und``.
5. **Neighbours mapped to the languages our partners write**: Afrikaans becomes Dutch unless
   the text has Afrikaans-only words (``nie``, ``ek``, ``hulle``...); Malay becomes Indonesian;
   Kinyarwanda becomes Kirundi (``rn``, which py3langid lacks) when Kirundi spellings
   (``vy``, ``cane``, ``canke``, ``ico``...) outnumber Kinyarwanda ones (``by``, ``cy``...).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from bot.core.text import fold

#: Languages the detector is checked on (``tests/fixtures/langid``); others are still reported.
SUPPORTED = (
    *("en", "nl", "fr", "es", "pt", "sw", "de", "it", "id"),
    *("ar", "hi", "bn", "am", "rw", "rn", "so", "ha", "yo", "zu"),
)
SHORT_TEXT_CHARS = 25
UNDETERMINED = "und"
#: Minimum py3langid probability for a text of at least ``SHORT_TEXT_CHARS`` characters.
MIN_PROB = 0.4
#: ... and for a shorter one that no function word decides.
MIN_PROB_SHORT = 0.95
#: py3langid labels never plausible in a webinar chat (dead or constructed languages, "no language").
_DROPPED_LABELS = frozenset({"zxx", "la", "eo", "vo", "grc", "hbo", "sa"})


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Function words and chat words, accents folded; only words frequent in one language matter.
_MARKERS: dict[str, frozenset[str]] = {
    lang: _wordset(words)
    for lang, words in {
        "en": "the and is are what how why when who which will would could should can you we our"
        " this that with for from of to thanks thank hello please does do",
        "nl": "de het een en is zijn wat hoe waarom wanneer wie welke wordt worden kan kunnen"
        " jullie wij onze dit dat met voor van naar bedankt dank goedemorgen hallo vraag niet ook"
        " nog",
        "fr": "le la les un une et est sont que quel quelle comment pourquoi quand qui nous vous"
        " notre ce cette avec pour de du des merci bonjour est-ce pas aussi",
        "es": "el la los las un una y es son que como por cuando quien cual nosotros ustedes"
        " nuestro este esta con para del gracias hola pregunta pero tambien muy",
        "pt": "o a os as um uma e sao que como por quando quem qual nos voces nosso este esta com"
        " para do da dos das obrigado obrigada ola pergunta mas tambem muito nao",
        "sw": "na ya wa za kwa ni je nini vipi lini wapi nani gani sisi ninyi yetu hii hiyo asante"
        " sana habari swali lakini pia kuna jinsi wizara serikali",
        "de": "und ist nicht wie warum was wer danke hallo guten ich wir ihr das der ein eine mit"
        " fur auch frage bitte",
        "it": "il lo gli che come perche quando chi grazie ciao buongiorno sono non anche della"
        " delle per domanda questo",
        "id": "apa yang dan ini itu bagaimana kenapa mengapa kapan siapa terima kasih halo"
        " selamat pagi saya kami kita tidak juga untuk dengan tanya pertanyaan bisa",
        "rw": "ese iki muraho murakoze mwaramutse ikibazo kuki cyane cyangwa ibyo nibyo amakuru"
        " mwiriwe yego",
        "rn": "cane canke ivyo nivyo vyo mfise ico ingene nipfuza",
        "so": "waa maxay maxaa sidee mahadsanid mahadsan salaan iyo ayaa waxaan su'aal goorma yaa",
        "ha": "yaya yasa sannu barka gode shin tambaya kuma amma wannan akwai yaushe sosai",
        "yo": "bawo jowo ibeere ekaaro kaaro gbogbo awon yii eyi nipa sugbon",
        "zu": "sawubona sanibonani ngiyabonga yebo kanjani ubani yini umbuzo nginombuzo kodwa"
        " futhi ukuthi kakhulu ngoba",
    }.items()
}
_AFRIKAANS_ONLY = _wordset("nie ek hulle baie jy asseblief dankie")
_KIRUNDI_WORDS = _wordset(
    "cane canke ico ingene nipfuza mfise uburundi amashirahamwe imfashanyo amahera urwaruka"
)
_KINYARWANDA_WORDS = _wordset(
    "cyane cyangwa icyo mfite rwanda imiryango inkunga amafaranga urubyiruko"
)
#: Future tense: Kirundi ``-zo-`` (izokora, hazoba), Kinyarwanda ``-za-`` (izakora, hazaba).
_KIRUNDI_FUTURE = re.compile(r"^(?:[iuyrbhtk]|ha|bi|ba|tu|mu|ri|ki|vyi)zo[a-z]{2,}")
_KINYARWANDA_FUTURE = re.compile(r"^(?:[iuyrbhtk]|ha|bi|ba|tu|mu|ri|ki|byi)za[a-z]{2,}")
_WORD = re.compile(r"[\w'-]+")
_NOISE = re.compile(r"https?://\S+|@\w+|[\d_]+")
#: Letters Persian, Urdu or Pashto use and Arabic does not.
_NOT_ARABIC = frozenset("پچژگکیٹڈڑںےۀۓ")


class LanguageDetector:
    """Deterministic language identification; thread-safe (no state changes after init)."""

    def __init__(self) -> None:
        self._model = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        keep = [label for label in self._model.labels if label not in _DROPPED_LABELS]
        self._model.set_languages(keep)
        # set_languages keeps the full table (27 MB of float16) beside the kept columns, to
        # switch back later; this detector never does, so the full table is let go
        full = getattr(self._model, "_full_model", None)
        if isinstance(full, tuple) and self._model.nb_ptc is not full[0]:
            self._model._full_model = None

    def detect(self, text: str) -> str:
        """ISO 639-1 code of ``text`` (``rn`` for Kirundi), or ``und`` when nothing can be said."""
        cleaned = _NOISE.sub(" ", text).strip()
        letters = [ch for ch in cleaned if ch.isalpha()]
        if not letters:
            return UNDETERMINED
        by_script = _script_rule(letters)
        if by_script == "ar*":  # Arabic script with letters Arabic lacks: let the model choose
            return self._model.classify(cleaned)[0]
        if by_script:
            return by_script
        if len(cleaned) < 12:
            return _marker_vote(cleaned) or UNDETERMINED
        if len(cleaned) < SHORT_TEXT_CHARS:
            found = self._statistical(cleaned, MIN_PROB_SHORT) or _marker_vote(cleaned)
            return found or UNDETERMINED
        return self._statistical(cleaned, MIN_PROB) or _marker_vote(cleaned) or UNDETERMINED

    def _statistical(self, text: str, min_prob: float) -> str | None:
        lang, prob = self._model.classify(text)
        if prob < min_prob:
            return None
        return _neighbour(str(lang), text)


def _script_rule(letters: list[str]) -> str | None:
    """The language a script decides on its own, ``ar*`` for non-Arabic Arabic script, or None."""
    counts = Counter(_script(ch) for ch in letters)
    script, n = counts.most_common(1)[0]
    if n * 2 <= len(letters):
        return None
    if script == "arabic" and any(ch in _NOT_ARABIC for ch in letters):
        return "ar*"
    return {"ethiopic": "am", "bengali": "bn", "devanagari": "hi", "arabic": "ar"}.get(script)


def _script(ch: str) -> str:
    code = ord(ch)
    if 0x1200 <= code <= 0x139F or 0x2D80 <= code <= 0x2DDF or 0xAB00 <= code <= 0xAB2F:
        return "ethiopic"
    if 0x0980 <= code <= 0x09FF:
        return "bengali"
    if 0x0900 <= code <= 0x097F:
        return "devanagari"
    if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x08FF or 0xFB50 <= code <= 0xFEFF:
        return "arabic"
    return unicodedata.name(ch, "other").split(" ")[0].lower()


def _neighbour(lang: str, text: str) -> str:
    """Map a close neighbour to the language our partners more likely write (module docstring)."""
    if lang == "ms":
        return "id"
    if lang == "af":
        return "af" if _words(text) & _AFRIKAANS_ONLY else "nl"
    if lang == "rw":
        return "rn" if _kirundi_score(text) > 0 else "rw"
    return lang


def _kirundi_score(text: str) -> int:
    """Kirundi spellings minus Kinyarwanda ones (``vyo``/``byo``, ``cane``/``cyane``...)."""
    words = _word_list(text)
    rn = sum(w in _KIRUNDI_WORDS or "vy" in w or bool(_KIRUNDI_FUTURE.match(w)) for w in words)
    rw = sum(
        w in _KINYARWANDA_WORDS or "by" in w or "cy" in w or bool(_KINYARWANDA_FUTURE.match(w))
        for w in words
    )
    return rn - rw


def _word_list(text: str) -> list[str]:
    return [w.strip("'-") for w in _WORD.findall(fold(text))]


def _words(text: str) -> set[str]:
    return set(_word_list(text))


def _marker_vote(text: str) -> str | None:
    """The supported language whose function words occur most; None on no hit or a tie."""
    words = _word_list(text)
    counts = {lang: sum(w in markers for w in words) for lang, markers in _MARKERS.items()}
    best = max(counts.values(), default=0)
    winners = [lang for lang, n in counts.items() if n == best]
    if best == 0 or len(winners) != 1:
        return None
    if winners[0] in ("rw", "rn"):
        return "rn" if _kirundi_score(text) > 0 else "rw"
    return winners[0]
