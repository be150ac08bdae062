"""Checks on the wording that a near-duplicate merge must also pass, whatever the learned score.

The learned score (:mod:`models.duplicates`) compares what two questions are about; in a webinar
chat on one topic, different questions are about the same thing and differ in a detail the
embedding barely sees: another year or amount, another country or organisation, the same
sentence about another subject, or a second ask added to the first. Each check below looks
for one of those in the texts themselves and, when it finds one, blocks the merge with a reason
a moderator can read. They are deliberately conservative (a blocked true duplicate costs a
manual ``/merge``; a wrong merge hides a question):

- **numbers**: the numbers in the two texts (years, amounts, percentages; ``0,7`` = ``0.7``)
  must be the same set;
- **names**: an acronym or a capitalised name inside the sentence (``IATI``, ``Kenya``) must have a
  counterpart in the other text (the same word, a spelling within a small edit distance such as
  Uganda/Ouganda, or a known translation such as WHO/OMS); generic ones (NGO, the Netherlands,
  the ministry) are ignored; skipped when the other text is not in Latin script;
- **asks**: both must ask the same number of things ("..., and who can apply?" asks two);
- **wording**: two texts in the same words except for a content word on each side (the same
  sentence about another subject: migration vs. policy coherence) are different questions;
- **length**: the longer text may have at most :data:`MAX_LENGTH_RATIO` times the words of
  the shorter.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher

#: Most words the longer text may have per word of the shorter.
MAX_LENGTH_RATIO = 3.0
#: Two spellings of a name count as one at this similarity (difflib ratio).
NAME_SIMILARITY = 0.7
#: Two words count as one (inflection, typo) at this similarity.
WORD_SIMILARITY = 0.8
#: Share of the shorter text's words the other must contain for "the same wording".
SAME_WORDING = 0.5
#: Share of the shorter text's distinct words (exactly) in the other for "the same language".
SAME_LANGUAGE = 0.4

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+(?:[.,]\d+)*", re.UNICODE)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Names that every question of these webinars may or may not spell out, in any language: the
# host country, the ministry and cabinet, generic kinds of organisation, chat preambles.
_GENERIC = _set(
    """
    q vraag pergunta pregunta question swali su'aal frage domanda
    nl netherlands nederland nederlandse dutch holland holanda holandesa holandés holandeses
    pays-bas pays bas países bajos países baixos uholanzi hollanda
    ministry ministerie ministère ministerio ministério wizara minister ministre ministro
    cabinet kabinet government gouvernement gobierno governo serikali dowladda
    embassy ambassade embajada embaixada ubalozi
    ngo ngos ngo's ong ongs onbg cso csos osc oscs ingo ingos inngo
    i i'm we our us you thanks thank hi hello dear bonjour hola olá hallo habari
    global south north southern northern sud sur sul zuid zuiden noord noorden nord norte kusini
    kaskazini
    mr mrs ms dr
    """
)

# The same organisation or term under its acronym in several languages.
_SAME_NAME: tuple[frozenset[str], ...] = tuple(
    _set(group)
    for group in (
        "who oms wgo",
        "un uno onu vn verenigde naciones nations unies umoja mataifa",
        "eu ue europese européenne europea europeia",
        "hiv vih vvu",
        "srhr srgr dssr sdsr",
        "lgbti lgbtq lgbtqi lgbtiq lhbti lhbtiq",
        "gni bni rnb inb rnb",
        "sdg sdgs odd ods",
        "oecd ocde oeso",
        "dac cad",
        "us usa eua ee uu eeuu américain américaine americana americano",
        "imf fmi",
        "unhcr hcr acnur",
        "unicef",
        "unfpa",
        "cop",
    )
)

_Q_WORDS = _set(
    """
    will would is are can could does do did how what when who whom which where why should shall
    was were has have may might much many
    wordt worden is zijn kan kunnen gaat gaan zal zullen hoe wat wanneer wie waar welke waarom
    hoeveel moet moeten heeft hebben krijgt krijgen
    est-ce est comment quand qui quel quelle quels quelles où pourquoi va vont peut peuvent
    combien sera seront faut
    cómo cuándo quién quiénes qué dónde cuál cuáles cuánto cuánta cuántos va van puede pueden
    será serán hay habrá se
    como quando quem onde qual quais quanto quanta vai vão pode podem será serão há
    je lini nani vipi nini wapi kiasi gani
    apakah kapan siapa bagaimana berapa mengapa kenapa
    """
)
_AND = _set("and en et y e dan und")  # not Swahili "na": also "with"
_FILLER = _set(
    """
    please pls plz thanks thank just also really actually still exactly even ever anyway
    question vraag graag eigenlijk gewoon even alsjeblieft bedankt svp merci aussi vraiment
    encore pregunta gracias también realmente todavía pergunta obrigado obrigada também ainda
    tafadhali asante pia bado
    """
)


@dataclass(frozen=True)
class GuardResult:
    """Whether the wording allows a merge, and if not, why (one line for the moderator)."""

    ok: bool
    reason: str = ""  # quotes words of the texts: for the moderator, not for logs
    rule: str = ""  # which check failed: numbers, names, asks, wording or length


def words(text: str) -> list[str]:
    """Word and number tokens, lower-cased, curly apostrophes straightened."""
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def numbers(text: str) -> frozenset[str]:
    """The numbers in ``text``, normalised: ``0,7`` and ``0.7`` agree, ``25%`` is ``25``,
    ``2.400`` and ``2.4`` agree (a thousands separator and a decimal comma look alike)."""
    found = set()
    for raw in _NUMBER.findall(unicodedata.normalize("NFKC", text)):
        digits = "".join(str(unicodedata.digit(c, c)) if c.isdigit() else c for c in raw)
        value = digits.replace(",", ".")
        if "." in value:
            value = value.rstrip("0").rstrip(".")
        found.add(re.sub(r"^0+(?=\d)", "", value))
    return frozenset(found)


def _latin(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all("LATIN" in unicodedata.name(c, "") for c in letters)


def names(text: str) -> list[str]:
    """Acronyms and capitalised words not at the start of a sentence, generic ones left out."""
    out: list[str] = []
    for sentence in re.split(r"[.?!:;\n]+", text):
        tokens = _WORD.findall(sentence)
        for i, whole in enumerate(tokens):
            token = whole.split("-")[0]  # EU-handelsakkoorden: EU; Southern-led: Southern
            if not token[:1].isalpha() or not token[:1].isupper():
                continue
            acronym = len(token) >= 2 and token.isupper()
            if i == 0 and not acronym:
                continue  # a capital that starts a sentence says nothing
            key = token.lower().replace("’", "'").removesuffix("'s").removesuffix("s'")
            if key not in _GENERIC:
                out.append(key)
    return out


def _same_name(name: str, other_words: list[str]) -> bool:
    for group in _SAME_NAME:
        if name in group and group.intersection(other_words):
            return True
    return any(
        w == name
        or (
            min(len(name), len(w)) >= 5  # Gaza and gaat are not one name
            and SequenceMatcher(None, name, w).ratio() >= NAME_SIMILARITY
        )
        for w in other_words
    )


def asks(text: str) -> int:
    """How many things ``text`` asks: 1, plus one for each further clause that starts (after a
    question mark, or after "and" that follows a comma or precedes a question word) with a
    question word or auxiliary, in any of the languages above."""
    count = 1
    parts = [p for p in re.split(r"\?+", text) if p.strip()]
    for part in parts[1:]:
        first = words(part)[:2]
        if first and (
            first[0] in _Q_WORDS or (first[0] in _AND and first[1:2] and first[1] in _Q_WORDS)
        ):
            count += 1
    for part in parts:
        tokens = words(part)
        for i in range(1, len(tokens) - 1):
            if tokens[i] in _AND and tokens[i + 1] in _Q_WORDS and tokens[i + 1] not in ("se",):
                count += 1
        for clause in re.split(r",\s*", part)[1:]:
            rest = words(clause)
            # ", and will...", ", e aí gere o orçamento todo": a second clause of its own
            if len(rest) >= 4 and rest[0] in _AND and rest[1] not in _Q_WORDS:
                count += 1
    return count


def _content(text: str) -> list[str]:
    return [w for w in words(text) if len(w) >= 4 and not w[0].isdigit() and w not in _FILLER]


def _has_like(word: str, others: list[str]) -> bool:
    return any(
        word == o or SequenceMatcher(None, word, o).ratio() >= WORD_SIMILARITY for o in others
    )


def _plain_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text) if w.islower()}


def same_language(a: str, b: str) -> bool:
    """Whether the texts share so many exact lower-case words (names and numbers left out)
    that they must be in one language."""
    sa, sb = _plain_words(a), _plain_words(b)
    if not sa or not sb:
        return False
    return len(sa & sb) / min(len(sa), len(sb)) >= SAME_LANGUAGE


def check(a: str, b: str) -> GuardResult:
    """Every check of the module docstring on texts ``a`` and ``b``; the first that fails.

    Between texts in two languages a number, name or content word without a counterpart may
    just be worded otherwise ("every 6 months" / "halfjaarlijks"), so there numbers must differ
    on both sides, names must be swapped (each side has one the other lacks), and the wording
    check does not apply.
    """
    one_language = same_language(a, b)
    na, nb = numbers(a), numbers(b)
    if na != nb and (one_language or (na and nb)):
        shown = " vs ".join(", ".join(sorted(n)) or "none" for n in (na, nb))
        return GuardResult(False, rule="numbers", reason=f"different numbers ({shown})")
    wa, wb = words(a), words(b)
    unmatched: list[list[str]] = []
    for this, other_text, other_words in ((a, b, wb), (b, a, wa)):
        if not _latin(other_text):
            unmatched.append([])
            continue
        unmatched.append([n for n in names(this) if not _same_name(n, other_words)])
    only_a, only_b = unmatched
    if (only_a and only_b) or (one_language and (only_a or only_b)):
        return GuardResult(
            False, rule="names", reason=f"different names ({', '.join(only_a + only_b)})"
        )
    ka, kb = asks(a), asks(b)
    if ka != kb:
        return GuardResult(
            False, rule="asks", reason=f"one asks {max(ka, kb)} things, the other {min(ka, kb)}"
        )
    if one_language:
        ca, cb = _content(a), _content(b)
        shorter, longer = sorted((ca, cb), key=len)
        shared = sum(_has_like(w, longer) for w in shorter)
        rest_a = [w for w in ca if not _has_like(w, cb)]
        rest_b = [w for w in cb if not _has_like(w, ca)]
        if shared >= 2 and shared >= SAME_WORDING * len(shorter) and rest_a and rest_b:
            return GuardResult(
                False,
                rule="wording",
                reason=f"the same wording about another subject ({rest_a[0]} vs {rest_b[0]})",
            )
    la, lb = max(len(wa), 1), max(len(wb), 1)
    if max(la, lb) > MAX_LENGTH_RATIO * min(la, lb):
        return GuardResult(
            False, rule="length", reason=f"lengths differ too much ({la} and {lb} words)"
        )
    return GuardResult(True)
