"""Character n-gram baseline theme classifier: hashed TF-IDF + multinomial logistic regression.

It needs nothing but numpy, trains in seconds on the bundled corpus, and is what the application
falls back to when the transformer encoder cannot be loaded. Text is NFKC-normalised and
casefolded; every word is padded with spaces and cut into character n-grams (2-5 by default),
plus word unigrams and bigrams. Features are hashed with CRC-32 (stable across processes, unlike
``hash()``) into a fixed space, weighted ``(1 + log tf) * idf`` and L2-normalised. The softmax
regression is fitted full-batch with Nesterov-accelerated gradient descent and an L2 penalty;
the fit is deterministic.

**Scripts it has never seen.** Character n-grams of a script absent from the training corpus
(Ethiopic, Devanagari, Bengali, Arabic ... for the shipped corpus, which is all Latin) carry no
weight, so the prediction would be the bias alone: a confident-looking guess. Instead, a text whose
letters are mostly in scripts the model was not trained on gets all-equal scores (1/4 each):
"unknown theme" (:func:`models.interface.is_unknown`). The ensemble then follows e5 alone for that
text; the application files it under ``other`` and shows it as unsure.

``python -m models.ngram`` reports held-out scores on the template-disjoint split, then trains on
the whole corpus and writes :data:`DEFAULT_NGRAM_PATH`.
"""

from __future__ import annotations

import argparse
import logging
import re
import unicodedata
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from models.corpus import LANGUAGES, THEMES, Example, load_corpus, split_by_template
from models.interface import unknown_scores
from models.metrics import accuracy, macro_f1, per_language_report

__all__ = ["DEFAULT_NGRAM_PATH", "NgramClassifier", "NgramConfig", "train_ngram"]

log = logging.getLogger(__name__)

DEFAULT_NGRAM_PATH = Path(__file__).parent / "heads" / "ngram.npz"
"""Where the trained baseline head is shipped."""

_FORMAT_VERSION = 1
#: Scripts a head saved without a ``scripts`` entry was trained on (the corpus is all Latin).
_DEFAULT_SCRIPTS = ("LATIN",)
_MatMul = Callable[[np.ndarray, np.ndarray], np.ndarray]
_RMatMul = Callable[[np.ndarray], tuple[np.ndarray, np.ndarray]]
_TOKEN_RE = re.compile(r"\w+|[^\w\s]+")
_WORD_RE = re.compile(r"\w")


@dataclass(frozen=True)
class NgramConfig:
    """How text becomes features; saved with the weights so a head is always read back right."""

    n_features: int = 2**18
    char_min: int = 2
    char_max: int = 5
    word_max: int = 2

    def __post_init__(self) -> None:
        if self.n_features < 2 or self.n_features & (self.n_features - 1):
            raise ValueError(f"n_features must be a power of two, got {self.n_features}")
        if not 1 <= self.char_min <= self.char_max:
            raise ValueError(f"bad character n-gram range {self.char_min}-{self.char_max}")
        if self.word_max < 0:
            raise ValueError(f"word_max must be >= 0, got {self.word_max}")


def normalise(text: str) -> str:
    """NFKC-normalise and casefold, so that full-width, ligature and case variants meet."""
    return unicodedata.normalize("NFKC", text).casefold()


def script_of(ch: str) -> str:
    """The Unicode script of a letter, as the first word of its name (``LATIN``, ``ETHIOPIC``...)."""
    return unicodedata.name(ch, "UNKNOWN").split(" ")[0]


def scripts_in(texts: Sequence[str]) -> set[str]:
    """Every script whose letters occur in ``texts``."""
    return {script_of(ch) for text in texts for ch in normalise(text) if ch.isalpha()}


def _unseen_script(text: str, known: frozenset[str]) -> bool:
    """True when most letters of ``text`` are in scripts outside ``known`` (no letters: False)."""
    letters = [ch for ch in normalise(text) if ch.isalpha()]  # NFKC: full-width is Latin
    unseen = sum(script_of(ch) not in known for ch in letters)
    return bool(letters) and unseen * 2 > len(letters)


def _crc(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8"))


def _feature_strings(text: str, config: NgramConfig) -> list[str]:
    """Namespaced feature strings: ``c`` character n-grams, ``w<n>`` word n-grams."""
    tokens = _TOKEN_RE.findall(normalise(text))
    feats: list[str] = []
    words = [t for t in tokens if _WORD_RE.match(t)]
    for word in words:
        padded = f" {word} "
        for n in range(config.char_min, config.char_max + 1):
            feats.extend("c" + padded[i : i + n] for i in range(len(padded) - n + 1))
    if config.word_max >= 1:
        # Symbols (emoji, "+1"'s plus sign, "??") only count as whole tokens.
        feats.extend("w1 " + t for t in tokens)
    for n in range(2, config.word_max + 1):
        grams = (" ".join(words[i : i + n]) for i in range(len(words) - n + 1))
        feats.extend(f"w{n} {gram}" for gram in grams)
    return feats


def _term_frequencies(text: str, config: NgramConfig) -> tuple[np.ndarray, np.ndarray]:
    """Sorted unique hashed indices of one text and their ``1 + log(count)`` weights."""
    feats = _feature_strings(text, config)
    if not feats:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    mask = config.n_features - 1
    hashed = np.fromiter((_crc(f) & mask for f in feats), dtype=np.int64, count=len(feats))
    idx, counts = np.unique(hashed, return_counts=True)
    return idx, (1.0 + np.log(counts)).astype(np.float32)


@dataclass
class _Csr:
    """A minimal compressed-sparse-row matrix: what numpy alone needs for this model."""

    indptr: np.ndarray
    indices: np.ndarray
    data: np.ndarray

    @property
    def n_rows(self) -> int:
        return len(self.indptr) - 1

    def row_ids(self) -> np.ndarray:
        return np.repeat(np.arange(self.n_rows), np.diff(self.indptr))


def _term_matrix(texts: Sequence[str], config: NgramConfig) -> _Csr:
    rows = [_term_frequencies(t, config) for t in texts]
    indptr = np.zeros(len(rows) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(idx) for idx, _ in rows])
    indices = np.concatenate([idx for idx, _ in rows]) if rows else np.zeros(0, dtype=np.int64)
    data = np.concatenate([tf for _, tf in rows]) if rows else np.zeros(0, dtype=np.float32)
    return _Csr(indptr, indices, data)


def _weight_and_normalise(tf: _Csr, idf: np.ndarray) -> _Csr:
    """Multiply term frequencies by idf (indexed by feature id) and L2-normalise every row."""
    data = tf.data * idf[tf.indices]
    norms = np.sqrt(np.bincount(tf.row_ids(), weights=data * data, minlength=tf.n_rows))
    norms[norms == 0] = 1.0
    data = (data / norms[tf.row_ids()]).astype(np.float32)
    return _Csr(tf.indptr, tf.indices, data)


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


class NgramClassifier:
    """Trained n-gram theme classifier; implements :class:`bot.classifier.ThemeClassifier`.

    Immutable after construction, so concurrent ``classify`` calls from worker threads are safe.
    """

    name: str = "ngram"

    def __init__(
        self,
        *,
        config: NgramConfig,
        themes: Sequence[str],
        features: np.ndarray,
        idf: np.ndarray,
        weights: np.ndarray,
        bias: np.ndarray,
        default_idf: float,
        scripts: Sequence[str] = _DEFAULT_SCRIPTS,
    ) -> None:
        """Build from trained parameters; ``features`` are the hashed ids seen in training.

        ``scripts`` are the scripts of the training texts: a text mostly in others is unknown.
        """
        n_themes = len(themes)
        if weights.shape != (len(features), n_themes) or idf.shape != (len(features),):
            raise ValueError("features, idf and weights do not line up")
        if bias.shape != (n_themes,):
            raise ValueError("bias does not match the themes")
        self.config = config
        self.themes: tuple[str, ...] = tuple(themes)
        self.scripts = frozenset(scripts)
        # Keep the compact (saved) form, and dense lookups indexed by hashed id for inference.
        self._features = features.astype(np.int32)
        self._idf = idf.astype(np.float16)
        self._weights = weights.astype(np.float16)
        self._bias = bias.astype(np.float32)
        self._default_idf = np.float32(default_idf)
        self._idf_dense = np.full(config.n_features, self._default_idf, dtype=np.float32)
        self._idf_dense[self._features] = self._idf
        self._w_dense = np.zeros((n_themes, config.n_features), dtype=np.float32)
        self._w_dense[:, self._features] = self._weights.T

    def scores(self, texts: Sequence[str]) -> np.ndarray:
        """Theme probabilities as an ``(n, len(themes))`` array, rows summing to 1.

        A text mostly in a script the model never saw gets all-equal scores (unknown theme).
        """
        probs = self._model_scores(texts)
        unknown = self.unknown(texts)
        if unknown.any():
            probs[unknown] = [unknown_scores(self.themes)[t] for t in self.themes]
        return probs

    def unknown(self, texts: Sequence[str]) -> np.ndarray:
        """Boolean ``(n,)``: which texts are mostly in scripts absent from the training data."""
        return np.array([_unseen_script(t, self.scripts) for t in texts], dtype=bool)

    def _model_scores(self, texts: Sequence[str]) -> np.ndarray:
        x = _weight_and_normalise(_term_matrix(texts, self.config), self._idf_dense)
        logits = np.tile(self._bias, (x.n_rows, 1))
        if len(x.data):
            rows = x.row_ids()
            for k, w_k in enumerate(self._w_dense):
                contrib = x.data * w_k[x.indices]
                logits[:, k] += np.bincount(rows, weights=contrib, minlength=x.n_rows)
        return _softmax(logits.astype(np.float64))

    def classify(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """One ``{theme: probability}`` dict per text, in order; each sums to 1."""
        probs = self.scores(texts)
        return [dict(zip(self.themes, map(float, row), strict=True)) for row in probs]

    def predict(self, texts: Sequence[str]) -> list[str]:
        """The most likely theme per text (ties go to the first theme in order)."""
        probs = self.scores(texts)
        return [self.themes[i] for i in probs.argmax(axis=1)]

    def embed(self, texts: Sequence[str]) -> None:
        """The n-gram model has no sentence embeddings; near-duplicate search must do without."""
        return None

    def save(self, path: Path) -> None:
        """Write a compact ``.npz`` (float16 weights for seen features only)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        c = self.config
        with path.open("wb") as fh:
            np.savez_compressed(
                fh,
                format_version=np.int32(_FORMAT_VERSION),
                config=np.array([c.n_features, c.char_min, c.char_max, c.word_max], np.int64),
                themes=np.array(self.themes),
                features=self._features,
                idf=self._idf,
                weights=self._weights,
                bias=self._bias,
                default_idf=self._default_idf,
                scripts=np.array(sorted(self.scripts)),
            )

    @classmethod
    def load(cls, path: Path = DEFAULT_NGRAM_PATH) -> NgramClassifier:
        """Read a head written by :meth:`save`; ValueError if the file is not one."""
        try:
            with np.load(path, allow_pickle=False) as npz:
                version = int(npz["format_version"])
                if version != _FORMAT_VERSION:
                    raise ValueError(f"unsupported n-gram head format {version}")
                n_features, char_min, char_max, word_max = (int(v) for v in npz["config"])
                return cls(
                    config=NgramConfig(n_features, char_min, char_max, word_max),
                    themes=[str(t) for t in npz["themes"]],
                    features=npz["features"],
                    idf=npz["idf"],
                    weights=npz["weights"],
                    bias=npz["bias"],
                    default_idf=float(npz["default_idf"]),
                    scripts=(
                        [str(s) for s in npz["scripts"]] if "scripts" in npz else _DEFAULT_SCRIPTS
                    ),
                )
        except (KeyError, OSError, ValueError) as exc:
            if isinstance(exc, FileNotFoundError):
                raise
            raise ValueError(f"{path}: not a valid n-gram head ({exc})") from exc


def train_ngram(
    examples: Sequence[Example],
    *,
    n_features: int = 2**18,
    char_min: int = 2,
    char_max: int = 5,
    word_max: int = 2,
    l2: float = 1e-4,
    max_iter: int = 400,
    tol: float = 1e-5,
    balanced: bool = True,
    seed: int = 0,
) -> NgramClassifier:
    """Fit the classifier on ``examples``.

    ``l2`` is the penalty on the mean cross-entropy; ``balanced`` weights every theme equally
    whatever its count; iteration stops when the gradient norm drops below ``tol`` or after
    ``max_iter`` steps. ``seed`` only fixes the start vector of the step-size estimate, so the
    result is identical run to run.
    """
    if not examples:
        raise ValueError("no training examples")
    config = NgramConfig(n_features, char_min, char_max, word_max)
    themes = THEMES
    label_of = {t: i for i, t in enumerate(themes)}
    unknown = {ex.theme for ex in examples} - set(themes)
    if unknown:
        raise ValueError(f"unknown theme(s) {sorted(unknown)}")
    y = np.array([label_of[ex.theme] for ex in examples])
    n = len(examples)

    tf = _term_matrix([ex.text for ex in examples], config)
    df = np.bincount(tf.indices, minlength=n_features)
    idf = (np.log((1.0 + n) / (1.0 + df)) + 1.0).astype(np.float32)
    # Round idf now exactly as save() will, so a saved and reloaded head scores identically.
    idf = idf.astype(np.float16).astype(np.float32)
    x = _weight_and_normalise(tf, idf)
    features, cols = np.unique(x.indices, return_inverse=True)
    x = _Csr(x.indptr, cols.astype(np.int64), x.data)

    counts = np.bincount(y, minlength=len(themes)).astype(np.float64)
    if balanced:
        per_class = np.where(counts > 0, n / (len(themes) * np.maximum(counts, 1)), 0.0)
        sample_w = per_class[y]
    else:
        sample_w = np.ones(n)
    onehot = np.eye(len(themes))[y]
    weights, bias = _fit_softmax(x, len(features), onehot, sample_w / n, l2, max_iter, tol, seed)
    default_idf = float(np.log(1.0 + n) + 1.0)
    return NgramClassifier(
        config=config,
        themes=themes,
        features=features,
        idf=idf[features],
        weights=weights,
        bias=bias,
        default_idf=default_idf,
        scripts=sorted(scripts_in([ex.text for ex in examples])),
    )


def _fit_softmax(
    x: _Csr,
    n_cols: int,
    onehot: np.ndarray,
    sample_w: np.ndarray,
    l2: float,
    max_iter: int,
    tol: float,
    seed: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Minimise sum_i w_i * CE_i + l2/2 * ||W||^2 (bias unpenalised) by accelerated GD.

    Returns ``(weights (n_cols, n_classes), bias (n_classes,))``. Internally everything is
    class-major, ``(n_classes, ...)``, so each sparse product gathers from contiguous memory.
    """
    rows = x.row_ids()
    n_rows, n_classes = onehot.shape
    target = onehot.T
    data = x.data.astype(np.float64)

    def matmul(w: np.ndarray, b: np.ndarray) -> np.ndarray:
        prods = [np.bincount(rows, data * wk[x.indices], n_rows) for wk in w]
        return np.stack(prods) + b[:, None]

    def rmatmul(g: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        prods = [np.bincount(x.indices, data * gk[rows], n_cols) for gk in g]
        return np.stack(prods), g.sum(axis=1)

    def gradient(w: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        g = (_softmax(matmul(w, b).T).T - target) * sample_w
        gw, gb = rmatmul(g)
        return gw + l2 * w, gb

    shape = (n_classes, n_cols)
    lipschitz = 0.5 * _top_eigenvalue(matmul, rmatmul, sample_w, shape, seed) + l2
    step = 1.0 / lipschitz
    # Momentum for an l2-strongly-convex objective, with adaptive restart (O'Donoghue & Candes):
    # whenever a step goes uphill against the gradient, drop the momentum instead of oscillating.
    q = np.sqrt(l2 / lipschitz)
    momentum = (1.0 - q) / (1.0 + q)
    w = np.zeros(shape)
    b = np.zeros(n_classes)
    w_prev, b_prev = w, b
    for it in range(max_iter):
        yw, yb = w + momentum * (w - w_prev), b + momentum * (b - b_prev)
        gw, gb = gradient(yw, yb)
        w_new, b_new = yw - step * gw, yb - step * gb
        uphill = float((gw * (w_new - w)).sum() + (gb * (b_new - b)).sum()) > 0.0
        w_prev, b_prev = (w_new, b_new) if uphill else (w, b)
        w, b = w_new, b_new
        grad_norm = float(np.sqrt((gw * gw).sum() + (gb * gb).sum()))
        if grad_norm < tol:
            log.debug("converged after %d iterations", it + 1)
            break
    # Round as save() will, so the trained and the reloaded classifier are the same model.
    return w.T.astype(np.float16).astype(np.float32), b.astype(np.float32)


def _top_eigenvalue(
    matmul: _MatMul, rmatmul: _RMatMul, sample_w: np.ndarray, shape: tuple[int, int], seed: int
) -> float:
    """Largest eigenvalue of [X 1]^T diag(w) [X 1] by power iteration: the step-size bound."""
    rng = np.random.default_rng(seed)
    v_w = rng.standard_normal(shape)
    v_b = rng.standard_normal(shape[0])
    value = 1.0
    for _ in range(30):
        norm = float(np.sqrt((v_w * v_w).sum() + (v_b * v_b).sum()))
        v_w, v_b = v_w / norm, v_b / norm
        v_w, v_b = rmatmul(matmul(v_w, v_b) * sample_w)
        value = float(np.sqrt((v_w * v_w).sum() + (v_b * v_b).sum()))
    return value


def _report(clf: NgramClassifier, test: Sequence[Example]) -> dict[str, tuple[float, float]]:
    preds = clf.predict([ex.text for ex in test])
    truth = [ex.theme for ex in test]
    report = {"all": (accuracy(truth, preds), macro_f1(truth, preds, THEMES))}
    report.update(sorted(per_language_report(test, preds).items()))
    return report


def main(argv: Sequence[str] | None = None) -> int:
    """Evaluate on the template-disjoint split, then train on everything and save the head."""
    parser = argparse.ArgumentParser(prog="python -m models.ngram", description=main.__doc__)
    parser.add_argument("--out", type=Path, default=DEFAULT_NGRAM_PATH, help="head to write")
    parser.add_argument("--langs", nargs="*", choices=LANGUAGES, help="default: all present")
    parser.add_argument("--no-eval", action="store_true", help="skip the held-out evaluation")
    args = parser.parse_args(argv)

    examples = load_corpus(langs=args.langs)
    if not examples:
        parser.error("the corpus is empty")
    if not args.no_eval:
        train, test = split_by_template(examples)
        clf = train_ngram(train)
        print(f"held-out (split_by_template): train {len(train)}, test {len(test)}")
        for lang, (acc, f1) in _report(clf, test).items():
            print(f"  {lang:>4}  accuracy {acc:.3f}  macro-F1 {f1:.3f}")
    clf = train_ngram(examples)
    clf.save(args.out)
    print(f"trained on {len(examples)} examples, wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
