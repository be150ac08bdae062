"""Character n-gram language model for chat messages in Latin script (naive Bayes, numpy only).

Used by ``bot.language.LanguageDetector`` for texts in Latin script; other scripts are decided by
script rules there. Features of a text, all counted:

* character 1- to 5-grams of every word, padded with one space each side, on the *folded* text
  (NFKD, combining marks removed, casefolded), so Yoruba or Portuguese without their accents look
  like the same words with them;
* the whole folded word (``\\x01word``), which lets frequent function words count once more;
* every accent (combining mark after NFD: the tilde of ``ã``, the dot below of ``ẹ``) and
  every non-ASCII letter without a decomposition (``ß``, ``ɗ``, ``ŋ``) of the unfolded text, as
  ``\\x02`` + the character, so the accents that *are* written still count.

The model is multinomial naive Bayes over an explicit vocabulary (no hashing, so no collisions and
no hash cost): per language the log of ``(count + ALPHA) / (total + ALPHA * vocabulary size)``;
features never seen in training are ignored (they would only reward the language with the least
training text). Training is counting, so it is deterministic; the model file stores the
vocabulary and the sparse counts (``models/heads/langid.npz``, well under 1 MB).

Training text: the chat-style messages in ``models/langid_texts/train/<lang>.txt`` (greetings,
thanks, remarks, logistics and questions, written for this model) and the questions of the theme
corpus ``models/corpus/*.jsonl``. ``models/langid_texts/dev/<lang>.txt`` is a separate
development set, never trained on.

``python -m models.langid`` trains, writes the model and prints development accuracy per language.
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

__all__ = ["DEFAULT_LANGID_PATH", "NgramLanguageModel", "features", "load_training_texts"]

ROOT = Path(__file__).resolve().parent
DEFAULT_LANGID_PATH = ROOT / "heads" / "langid.npz"
TEXTS_DIR = ROOT / "langid_texts"
CORPUS_DIR = ROOT / "corpus"
ALPHA = 0.5
MAX_N = 5
#: At most this many texts per language (the chat-style ones first, then corpus questions): with
#: ten times more Dutch than Afrikaans text, naive Bayes would favour the better-counted language
#: of a close pair (nl over af, id over ms) whatever the text.
MAX_PER_LANGUAGE = 120
#: Features seen fewer times than this in all training text are dropped (smaller model, no
#: effect on accuracy measured on the development set).
MIN_COUNT = 1
_WORDS = re.compile(r"[^\W\d_]+")
_WORD_MARK = "\x01"
_CHAR_MARK = "\x02"


def fold(text: str) -> str:
    """NFKD, combining marks removed, casefolded: ``'Ẹ ṣé'`` -> ``'e se'``."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def features(text: str) -> list[str]:
    """The n-gram, word and accent features of ``text`` (with repetitions; module docstring)."""
    out: list[str] = []
    for word in _WORDS.findall(fold(text)):
        padded = f" {word} "
        size = len(padded)
        for n in range(1, MAX_N + 1):
            out += [padded[i : i + n] for i in range(size - n + 1)]
        out.append(_WORD_MARK + word)
    for ch in unicodedata.normalize("NFD", text.casefold()):
        if ord(ch) > 127 and (ch.isalpha() or unicodedata.combining(ch)):
            out.append(_CHAR_MARK + unicodedata.normalize("NFC", ch))
    return [f for f in out if f != " "]


class NgramLanguageModel:
    """Multinomial naive Bayes over character n-grams; immutable after construction."""

    def __init__(self, labels: Sequence[str], vocabulary: Sequence[str], counts: np.ndarray):
        """``counts[i, j]``: how often feature ``vocabulary[i]`` occurred in language ``labels[j]``."""
        self.labels = tuple(labels)
        self._index = {feature: i for i, feature in enumerate(vocabulary)}
        self._vocabulary = tuple(vocabulary)
        self._counts = counts.astype(np.uint32)
        totals = counts.sum(axis=0, dtype=np.float64)
        # Smoothing in proportion to each language's amount of text, so that a feature unseen in
        # a language costs the same in every language (plain add-alpha would make the languages
        # with the least text win short texts made of features they never saw).
        alpha = ALPHA * totals / totals.mean()
        probs = (counts + alpha) / (totals + alpha * len(vocabulary))
        self._log_probs = np.log(probs).astype(np.float32)

    @classmethod
    def train(cls, texts: Iterable[str], labels: Iterable[str]) -> NgramLanguageModel:
        """Count the features of every text under its language (deterministic)."""
        per_lang: dict[str, Counter[str]] = {}
        for text, lang in zip(texts, labels, strict=True):
            per_lang.setdefault(lang, Counter()).update(features(text))
        langs = sorted(per_lang)
        total: Counter[str] = Counter()
        for counter in per_lang.values():
            total.update(counter)
        vocabulary = sorted(f for f, n in total.items() if n >= MIN_COUNT)
        counts = np.zeros((len(vocabulary), len(langs)), dtype=np.uint32)
        for j, lang in enumerate(langs):
            counter = per_lang[lang]
            counts[:, j] = [counter.get(f, 0) for f in vocabulary]
        return cls(langs, vocabulary, counts)

    def log_likelihoods(self, text: str) -> tuple[np.ndarray, int, int]:
        """Summed log-probability of the known features per language, how many features were
        known and how many the text has."""
        index = self._index
        found = features(text)
        rows = [i for i in map(index.get, found) if i is not None]
        if not rows:
            return np.zeros(len(self.labels), dtype=np.float32), 0, len(found)
        return self._log_probs[rows].sum(axis=0), len(rows), len(found)

    def scores(self, text: str) -> dict[str, float]:
        """Posterior probability per language under a uniform prior (naive Bayes: overconfident)."""
        loglik, _, _ = self.log_likelihoods(text)
        shifted = np.exp(loglik - loglik.max())
        return dict(zip(self.labels, (shifted / shifted.sum()).tolist(), strict=True))

    def save(self, path: Path) -> None:
        rows, cols = np.nonzero(self._counts)
        np.savez_compressed(
            path,
            labels=np.array("\n".join(self.labels)),
            vocabulary=np.array("\n".join(self._vocabulary)),
            rows=rows.astype(np.uint32),
            cols=cols.astype(np.uint8),
            values=self._counts[rows, cols].astype(np.uint32),
        )

    @classmethod
    def load(cls, path: Path = DEFAULT_LANGID_PATH) -> NgramLanguageModel:
        with np.load(path) as data:
            labels = str(data["labels"]).split("\n")
            vocabulary = str(data["vocabulary"]).split("\n")
            counts = np.zeros((len(vocabulary), len(labels)), dtype=np.uint32)
            counts[data["rows"], data["cols"]] = data["values"]
        return cls(labels, vocabulary, counts)


def read_lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_texts(folder: Path) -> list[tuple[str, str]]:
    """``(language, text)`` of every ``<lang>.txt`` in ``folder``."""
    return [(p.stem, line) for p in sorted(folder.glob("*.txt")) for line in read_lines(p)]


def load_training_texts(cap: int = MAX_PER_LANGUAGE) -> list[tuple[str, str]]:
    """The chat-style training messages, then theme corpus questions in Latin script (the model
    only ever sees Latin-script text), at most ``cap`` per language, as ``(language, text)``."""
    pairs = load_texts(TEXTS_DIR / "train")
    for path in sorted(CORPUS_DIR.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh if line.strip()]
        pairs += [(str(row["lang"]), str(row["text"])) for row in rows if is_latin(row["text"])]
    taken: Counter[str] = Counter()
    kept = []
    for lang, text in pairs:
        if taken[lang] < cap:
            kept.append((lang, text))
            taken[lang] += 1
    return kept


def is_latin(text: str) -> bool:
    """Whether most letters of ``text`` are Latin (code points below U+0250)."""
    letters = [ch for ch in text if ch.isalpha()]
    return sum(ord(ch) < 0x250 for ch in letters) * 2 > len(letters)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Train the language-ID n-gram model.")
    parser.add_argument("--out", type=Path, default=DEFAULT_LANGID_PATH)
    args = parser.parse_args(argv)
    pairs = load_training_texts()
    model = NgramLanguageModel.train([t for _, t in pairs], [lang for lang, _ in pairs])
    model.save(args.out)
    counts = Counter(lang for lang, _ in pairs)
    print(f"trained on {len(pairs)} texts, {len(model.labels)} languages: {dict(counts)}")
    print(f"vocabulary {len(model._vocabulary)} features; wrote {args.out}")
    print(f"({args.out.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
