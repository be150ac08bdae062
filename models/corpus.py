"""The labelled multilingual corpus of webinar audience messages, and how to split it.

Each language lives in ``models/corpus/<lang>.jsonl``: one JSON object per line with ``text``,
``theme``, ``lang``, ``template`` and ``style``. A *template* groups the paraphrases of one
underlying question; every split here keeps a template on one side only, so held-out scores
measure generalisation to new questions rather than recognition of a rephrased one.
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from models.interface import THEMES

__all__ = [
    "DEFAULT_CORPUS_DIR",
    "LANGUAGES",
    "ROUND_DIRS",
    "SPARSE_LANGUAGES",
    "STYLES",
    "THEMES",
    "Example",
    "leave_one_language_out",
    "load_corpus",
    "split_by_template",
]

LANGUAGES: tuple[str, ...] = (
    "en", "nl", "fr", "es", "pt", "sw",
    # issue 13: the languages Southern partners write in (fewer messages each)
    "de", "it", "id", "ar", "hi", "bn", "am", "so", "ha", "yo", "zu", "rw", "rn",
    # round 7: languages seen only in the spent held-out sets (12-37 messages each)
    "ti", "ur", "om", "ln", "wo", "tl", "ny",
)  # fmt: skip
"""Every language the corpus may hold, in a fixed order."""

SPARSE_LANGUAGES: tuple[str, ...] = ("ti", "ur", "om", "ln", "wo", "tl", "ny")
"""Languages with only the few round-7 messages (from the spent held-out sets): partly seen.
The classifier still treats them as outside the corpus for its n-gram weight
(:func:`models.classifier._unseen_language_rule`)."""

ROUND_DIRS: tuple[str, ...] = ("round7",)
"""Subfolders of the corpus folder whose ``<lang>.jsonl`` files are read after the top-level
ones: ``round7`` holds the questions of the spent held-out sets, with provenance
(``models/corpus/round7/build.py``)."""

STYLES: tuple[str, ...] = ("chat", "formal")
"""How a message is written: quick chat (lowercase, abbreviations) or a formal question."""

DEFAULT_CORPUS_DIR = Path(__file__).parent / "corpus"

_FIELDS = ("text", "theme", "lang", "template", "style")


@dataclass(frozen=True)
class Example:
    """One labelled audience message."""

    text: str
    theme: str
    lang: str
    template: str
    style: str


def load_corpus(folder: Path | None = None, langs: Iterable[str] | None = None) -> list[Example]:
    """Read ``<lang>.jsonl`` for each language in ``langs`` (default: all of :data:`LANGUAGES`).

    Per language, the top-level file first, then the same name in each of :data:`ROUND_DIRS`
    (extra keys there, such as ``source``, are provenance and ignored here). A language whose
    file does not exist (yet) is skipped. A malformed line raises
    :class:`ValueError` naming the file and the 1-based line number.
    """
    folder = DEFAULT_CORPUS_DIR if folder is None else folder
    wanted = LANGUAGES if langs is None else tuple(langs)
    unknown = [lang for lang in wanted if lang not in LANGUAGES]
    if unknown:
        raise ValueError(f"unknown language(s) {unknown}; expected some of {LANGUAGES}")
    examples: list[Example] = []
    for lang in wanted:
        for sub in ("", *ROUND_DIRS):
            path = folder / sub / f"{lang}.jsonl"
            if path.is_file():
                examples.extend(_load_file(path, lang))
    return examples


def _load_file(path: Path, lang: str) -> list[Example]:
    examples = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                examples.append(_parse_line(line, lang))
            except ValueError as exc:
                raise ValueError(f"{path}:{lineno}: {exc}") from None
    return examples


def _parse_line(line: str, lang: str) -> Example:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON ({exc.msg})") from None
    if not isinstance(obj, dict):
        raise ValueError("expected a JSON object")
    missing = [f for f in _FIELDS if not isinstance(obj.get(f), str) or not obj[f].strip()]
    if missing:
        raise ValueError(f"missing or empty field(s) {missing}")
    if obj["theme"] not in THEMES:
        raise ValueError(f"unknown theme {obj['theme']!r}; expected one of {THEMES}")
    if obj["lang"] != lang:
        raise ValueError(f"lang {obj['lang']!r} in the file for {lang!r}")
    if obj["style"] not in STYLES:
        raise ValueError(f"unknown style {obj['style']!r}; expected one of {STYLES}")
    return Example(**{f: obj[f] for f in _FIELDS})


def split_by_template(
    examples: Sequence[Example], test_fraction: float = 0.25, seed: int = 0
) -> tuple[list[Example], list[Example]]:
    """Split into (train, test) so that no template has examples on both sides.

    Stratified by (lang, theme): inside every stratum with at least two templates, whole templates
    are drawn in a seeded order until about ``test_fraction`` of that stratum's examples are in
    test, never fewer than one template and never all of them. Deterministic for a given seed and
    input, whatever the input order. Both lists keep the input order.
    """
    if not 0.0 < test_fraction < 1.0:
        raise ValueError(f"test_fraction must be between 0 and 1, got {test_fraction}")
    # A template belongs to the stratum of its first example (templates never straddle strata in
    # the shipped corpus, but this keeps the split template-disjoint even if one did).
    sizes: dict[str, int] = defaultdict(int)
    stratum_of: dict[str, tuple[str, str]] = {}
    for ex in examples:
        sizes[ex.template] += 1
        stratum_of.setdefault(ex.template, (ex.lang, ex.theme))
    by_stratum: dict[tuple[str, str], list[str]] = defaultdict(list)
    for template, stratum in stratum_of.items():
        by_stratum[stratum].append(template)

    test_templates: set[str] = set()
    for (lang, theme), templates in by_stratum.items():
        if len(templates) < 2:
            continue
        order = sorted(templates)
        random.Random(f"{seed}:{lang}:{theme}").shuffle(order)
        target = test_fraction * sum(sizes[t] for t in order)
        taken = 0
        for template in order[:-1]:
            if taken and taken + sizes[template] / 2 > target:
                break
            test_templates.add(template)
            taken += sizes[template]

    train = [ex for ex in examples if ex.template not in test_templates]
    test = [ex for ex in examples if ex.template in test_templates]
    return train, test


def leave_one_language_out(
    examples: Sequence[Example], lang: str
) -> tuple[list[Example], list[Example]]:
    """Train on every other language, test on ``lang`` (zero-shot cross-lingual transfer)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {LANGUAGES}")
    train = [ex for ex in examples if ex.lang != lang]
    test = [ex for ex in examples if ex.lang == lang]
    return train, test
