"""Theme heads on top of sentence embeddings: a trained logistic regression and a zero-shot scorer.

:class:`LogisticHead` is a multinomial logistic regression (numpy only) on standardised
embeddings, L2-regularised, fitted deterministically with L-BFGS; it saves to a small ``.npz``.
:func:`choose_l2` picks the regularisation strength by template-grouped cross-validation on the
training data only. :class:`ZeroShotScorer` needs no training: the cosine between a text and one
English description per theme, softmaxed; it is the floor a trained head must clear.
:func:`combine_log_probs` is the e5 + n-gram ensemble rule (a weighted mean of log-probabilities).
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from models.interface import THEMES

log = logging.getLogger(__name__)

DEFAULT_HEAD_PATH = Path(__file__).parent / "heads" / "e5_head.npz"
"""Where the trained e5 head is shipped (trained on torch bfloat16 features; used with the
torch and ONNX float32 engines)."""
INT8_HEAD_PATH = DEFAULT_HEAD_PATH.with_name("e5_head_int8.npz")
"""The e5 head trained on ONNX int8 features, for the ``onnx-int8`` engine."""

HEAD_FORMAT_VERSION = 1
L2_GRID: tuple[float, ...] = (1e-3, 3e-3, 1e-2, 3e-2, 1e-1, 3e-1, 1.0)

#: One English description per theme for the zero-shot scorer (e5 embeds them as queries too).
THEME_DESCRIPTIONS: dict[str, str] = {
    "policy": (
        "A question about the Dutch government's development policy: the ministry's funding"
        " frameworks and subsidies, aid budget cuts, grant conditions, reporting requirements"
        " and decisions of parliament."
    ),
    "civic": (
        "A question about civic space: activists, human rights defenders and social movements"
        " facing repression, restrictive NGO laws, surveillance and smear campaigns, and how"
        " advocacy and protest can continue."
    ),
    "system": (
        "A question about how the aid system works: power between Northern and Southern"
        " partners, localisation, intermediaries, who holds the contracts, risk sharing and"
        " decolonising aid."
    ),
    "other": (
        "A chat message that is not a question about the topic: greetings, thanks, technical"
        " problems with audio or slides, logistics of the webinar, jokes or emoji."
    ),
}


def combine_log_probs(p_e5: np.ndarray, p_ngram: np.ndarray, ngram_weight: float) -> np.ndarray:
    """The ensemble: ``softmax(w * log p_ngram + (1 - w) * log p_e5)`` row-wise, ``w`` in [0, 1].

    A weighted geometric mean of the two models' probabilities, renormalised. ``w = 0`` gives
    ``p_e5`` back (up to rounding), ``w = 1`` gives ``p_ngram``.
    """
    if not 0.0 <= ngram_weight <= 1.0:
        raise ValueError(f"the n-gram weight must be in [0, 1], got {ngram_weight}")
    tiny = np.finfo(np.float64).tiny
    log_e5 = np.log(np.maximum(np.asarray(p_e5, dtype=np.float64), tiny))
    log_ng = np.log(np.maximum(np.asarray(p_ngram, dtype=np.float64), tiny))
    if log_e5.shape != log_ng.shape:
        raise ValueError(f"probability arrays differ in shape: {log_e5.shape} vs {log_ng.shape}")
    return softmax(ngram_weight * log_ng + (1.0 - ngram_weight) * log_e5)


def softmax(z: np.ndarray) -> np.ndarray:
    """Row-wise softmax in float64 (stable for large logits)."""
    z = np.asarray(z, dtype=np.float64)
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return np.asarray(e / e.sum(axis=1, keepdims=True))


@dataclass(frozen=True)
class LogisticHead:
    """Softmax regression ``p = softmax(((x - mean) / scale) @ weights + bias)`` over themes."""

    themes: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: np.ndarray
    l2: float
    encoder: str = ""
    layers: tuple[int, ...] = (-1,)
    """Which encoder layers' pooled states the features concatenate (see ``Encoder.features``)."""
    ngram_weight: float | None = None
    """Weight ``w`` of the n-gram model in the shipped ensemble (see :func:`combine_log_probs`),
    chosen by grouped cross-validation on the training data; None: no ensemble was chosen."""
    temperature: float | None = None
    """Calibration of this head's own scores (``softmax(log p / T)``, see
    :mod:`models.calibration`), fitted on cross-validated predictions; None: uncalibrated."""
    ensemble_temperature: float | None = None
    """Calibration of the ensemble's combined scores, fitted the same way; None: uncalibrated."""

    @property
    def dim(self) -> int:
        """Feature dimension the head expects."""
        return int(self.mean.shape[0])

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        """Theme probabilities ``(n, len(themes))``, rows summing to 1."""
        x = np.asarray(x, dtype=np.float64)
        if x.ndim != 2 or x.shape[1] != self.dim:
            raise ValueError(f"expected embeddings of shape (n, {self.dim}), got {x.shape}")
        return softmax(((x - self.mean) / self.scale) @ self.weights + self.bias)

    def predict(self, x: np.ndarray) -> list[str]:
        """Most likely theme per row (ties: the first theme in order)."""
        return [self.themes[i] for i in self.predict_proba(x).argmax(axis=1)]

    def save(self, path: Path = DEFAULT_HEAD_PATH) -> None:
        """Write a small ``.npz`` (no pickles)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        arrays: dict[str, np.ndarray] = {
            "format_version": np.array(HEAD_FORMAT_VERSION, dtype=np.int32),
            "themes": np.array(self.themes),
            "mean": self.mean.astype(np.float32),
            "scale": self.scale.astype(np.float32),
            "weights": self.weights.astype(np.float32),
            "bias": self.bias.astype(np.float32),
            "l2": np.array(self.l2, dtype=np.float64),
            "encoder": np.array(self.encoder),
            "layers": np.array(self.layers, dtype=np.int64),
        }
        if self.ngram_weight is not None:  # optional: older heads have none
            arrays["ngram_weight"] = np.array(self.ngram_weight, dtype=np.float64)
        for key in ("temperature", "ensemble_temperature"):  # optional too
            value = getattr(self, key)
            if value is not None:
                arrays[key] = np.array(value, dtype=np.float64)
        with path.open("wb") as fh:
            np.savez_compressed(fh, allow_pickle=False, **arrays)

    @classmethod
    def load(cls, path: Path = DEFAULT_HEAD_PATH) -> LogisticHead:
        """Read a head written by :meth:`save`.

        FileNotFoundError if it is missing; ValueError if it is not a head or its themes are not
        :data:`bot.core.model.THEMES` in order.
        """
        try:
            with np.load(path, allow_pickle=False) as npz:
                version = int(npz["format_version"])
                if version != HEAD_FORMAT_VERSION:
                    raise ValueError(f"unsupported head format {version}")
                head = cls(
                    themes=tuple(str(t) for t in npz["themes"]),
                    mean=npz["mean"].astype(np.float64),
                    scale=npz["scale"].astype(np.float64),
                    weights=npz["weights"].astype(np.float64),
                    bias=npz["bias"].astype(np.float64),
                    l2=float(npz["l2"]),
                    encoder=str(npz["encoder"]),
                    layers=tuple(int(v) for v in npz["layers"]),
                    ngram_weight=float(npz["ngram_weight"]) if "ngram_weight" in npz else None,
                    temperature=float(npz["temperature"]) if "temperature" in npz else None,
                    ensemble_temperature=(
                        float(npz["ensemble_temperature"])
                        if "ensemble_temperature" in npz
                        else None
                    ),
                )
        except FileNotFoundError:
            raise
        except (KeyError, OSError, ValueError) as exc:
            raise ValueError(f"{path}: not a valid theme head ({exc})") from exc
        if head.themes != THEMES:
            raise ValueError(f"{path}: head themes {head.themes} are not {THEMES}")
        k, d = len(head.themes), head.dim
        if head.weights.shape != (d, k) or head.bias.shape != (k,) or head.scale.shape != (d,):
            raise ValueError(f"{path}: head arrays do not line up")
        if head.ngram_weight is not None and not 0.0 <= head.ngram_weight <= 1.0:
            raise ValueError(f"{path}: n-gram weight {head.ngram_weight} is not in [0, 1]")
        for value in (head.temperature, head.ensemble_temperature):
            if value is not None and not value > 0:
                raise ValueError(f"{path}: temperature {value} is not positive")
        return head


def fit_head(
    x: np.ndarray,
    labels: Sequence[str],
    *,
    l2: float = 1e-2,
    balanced: bool = True,
    themes: Sequence[str] = THEMES,
    encoder: str = "",
    layers: Sequence[int] = (-1,),
    max_iter: int = 500,
    tol: float = 1e-6,
) -> LogisticHead:
    """Fit a :class:`LogisticHead` on features ``x`` (n, d) with one theme per row.

    ``encoder`` and ``layers`` are recorded in the head: which model and which pooled layers
    produced ``x``.

    Minimises the (class-balanced, if ``balanced``) mean cross-entropy plus ``l2/2 * ||W||^2``
    on standardised features; the bias is not penalised. Deterministic: zero start, L-BFGS.
    """
    x = np.asarray(x, dtype=np.float64)
    if x.ndim != 2 or len(x) != len(labels) or len(x) == 0:
        raise ValueError(f"need (n, d) embeddings and n labels, got {x.shape} and {len(labels)}")
    index = {t: i for i, t in enumerate(themes)}
    unknown = sorted(set(labels) - set(index))
    if unknown:
        raise ValueError(f"unknown theme(s) {unknown}")
    y = np.array([index[t] for t in labels])
    mean = x.mean(axis=0)
    scale = x.std(axis=0) + 1e-6
    z = (x - mean) / scale
    counts = np.bincount(y, minlength=len(themes)).astype(np.float64)
    per_class = len(y) / (len(themes) * np.maximum(counts, 1)) if balanced else np.ones_like(counts)
    sample_w = per_class[y] / len(y)
    weights, bias = _fit_softmax(z, np.eye(len(themes))[y], sample_w, l2, max_iter, tol)
    return LogisticHead(tuple(themes), mean, scale, weights, bias, l2, encoder, tuple(layers))


def _fit_softmax(
    z: np.ndarray, onehot: np.ndarray, sample_w: np.ndarray, l2: float, max_iter: int, tol: float
) -> tuple[np.ndarray, np.ndarray]:
    d, k = z.shape[1], onehot.shape[1]

    def objective(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[: d * k].reshape(d, k), theta[d * k :]
        logits = z @ w + b
        logits -= logits.max(axis=1, keepdims=True)
        log_p = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
        loss = -float((sample_w[:, None] * onehot * log_p).sum()) + 0.5 * l2 * float((w * w).sum())
        g = (np.exp(log_p) - onehot) * sample_w[:, None]
        grad_w = z.T @ g + l2 * w
        return loss, np.concatenate([grad_w.ravel(), g.sum(axis=0)])

    theta = _lbfgs(objective, np.zeros(d * k + k), max_iter=max_iter, tol=tol)
    return theta[: d * k].reshape(d, k), theta[d * k :]


def _lbfgs(
    f: Callable[[np.ndarray], tuple[float, np.ndarray]],
    x0: np.ndarray,
    *,
    max_iter: int,
    tol: float,
    memory: int = 10,
) -> np.ndarray:
    """Minimise a smooth convex ``f`` (returning value and gradient) by L-BFGS + Armijo steps."""
    x = x0.copy()
    value, grad = f(x)
    s_hist: list[np.ndarray] = []
    y_hist: list[np.ndarray] = []
    for it in range(max_iter):
        if float(np.abs(grad).max()) < tol:
            log.debug("L-BFGS converged after %d iterations", it)
            break
        direction = _two_loop(grad, s_hist, y_hist)
        slope = float(grad @ direction)
        if slope >= 0:  # not a descent direction: restart from steepest descent
            s_hist.clear()
            y_hist.clear()
            direction, slope = -grad, -float(grad @ grad)
        step = 1.0 if s_hist else min(1.0, 1.0 / max(float(np.abs(grad).sum()), 1e-12))
        while True:
            candidate = x + step * direction
            new_value, new_grad = f(candidate)
            if new_value <= value + 1e-4 * step * slope or step < 1e-12:
                break
            step *= 0.5
        s, yv = candidate - x, new_grad - grad
        if float(s @ yv) > 1e-12:
            s_hist.append(s)
            y_hist.append(yv)
            if len(s_hist) > memory:
                s_hist.pop(0)
                y_hist.pop(0)
        x, value, grad = candidate, new_value, new_grad
    return x


def _two_loop(grad: np.ndarray, s_hist: list[np.ndarray], y_hist: list[np.ndarray]) -> np.ndarray:
    q = grad.copy()
    alphas = []
    for s, y in zip(reversed(s_hist), reversed(y_hist), strict=True):
        a = float(s @ q) / float(y @ s)
        alphas.append(a)
        q -= a * y
    if s_hist:
        q *= float(s_hist[-1] @ y_hist[-1]) / float(y_hist[-1] @ y_hist[-1])
    for (s, y), a in zip(zip(s_hist, y_hist, strict=True), reversed(alphas), strict=True):
        b = float(y @ q) / float(y @ s)
        q += (a - b) * s
    return -q


def group_folds(groups: Sequence[str], n_folds: int = 5, seed: int = 0) -> list[np.ndarray]:
    """Test-row indices of ``n_folds`` folds that never split a group (template) across folds.

    Groups are shuffled with a seeded RNG and dealt round-robin, largest first, so folds have
    similar sizes. Deterministic for a given seed and input.
    """
    sizes: dict[str, int] = {}
    for g in groups:
        sizes[g] = sizes.get(g, 0) + 1
    order = sorted(sizes)
    random.Random(seed).shuffle(order)
    order.sort(key=lambda g: -sizes[g])  # stable: ties keep the shuffled order
    fold_of: dict[str, int] = {}
    load = [0] * n_folds
    for g in order:
        target = min(range(n_folds), key=lambda f: (load[f], f))
        fold_of[g] = target
        load[target] += sizes[g]
    assignment = np.array([fold_of[g] for g in groups])
    return [np.flatnonzero(assignment == f) for f in range(n_folds) if (assignment == f).any()]


def choose_l2(
    x: np.ndarray,
    labels: Sequence[str],
    groups: Sequence[str],
    *,
    grid: Sequence[float] = L2_GRID,
    n_folds: int = 5,
    seed: int = 0,
    score: Callable[[Sequence[str], Sequence[str]], float] | None = None,
) -> tuple[float, dict[float, float]]:
    """Pick ``l2`` by grouped cross-validation on the given (training) data only.

    ``score(true, predicted)`` defaults to macro-F1 over the themes. Returns the best value
    (ties: the stronger regularisation) and the mean score of every grid value.
    """
    from models.metrics import macro_f1

    scorer = score or (lambda t, p: macro_f1(t, p, THEMES))
    x = np.asarray(x, dtype=np.float64)
    folds = group_folds(groups, n_folds, seed)
    labels = list(labels)
    results: dict[float, float] = {}
    for l2 in grid:
        fold_scores = []
        for test_idx in folds:
            train_idx = np.setdiff1d(np.arange(len(x)), test_idx)
            head = fit_head(x[train_idx], [labels[i] for i in train_idx], l2=l2)
            fold_scores.append(scorer([labels[i] for i in test_idx], head.predict(x[test_idx])))
        results[l2] = float(np.mean(fold_scores))
    best = max(sorted(results, reverse=True), key=lambda v: results[v])
    log.info("chose l2=%g by %d-fold grouped CV (scores %s)", best, len(folds), results)
    return best, results


class ZeroShotScorer:
    """Cosine to one description embedding per theme, softmaxed with a temperature."""

    def __init__(
        self,
        description_embeddings: np.ndarray,
        themes: Sequence[str] = THEMES,
        temperature: float = 0.01,
    ) -> None:
        if description_embeddings.shape[0] != len(themes):
            raise ValueError("one description embedding per theme is needed")
        norms = np.linalg.norm(description_embeddings, axis=1, keepdims=True)
        self.descriptions = description_embeddings / np.maximum(norms, 1e-12)
        self.themes = tuple(themes)
        self.temperature = temperature

    @classmethod
    def from_embedder(
        cls,
        embed: Callable[[Sequence[str]], np.ndarray],
        descriptions: Mapping[str, str] = THEME_DESCRIPTIONS,
        temperature: float = 0.01,
    ) -> ZeroShotScorer:
        """Embed the descriptions (in :data:`THEMES` order) with ``embed``."""
        return cls(embed([descriptions[t] for t in THEMES]), THEMES, temperature)

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        """Softmax of cosine / temperature, rows summing to 1 (``x`` is L2-normalised)."""
        return softmax(np.asarray(x, dtype=np.float64) @ self.descriptions.T / self.temperature)

    def predict(self, x: np.ndarray) -> list[str]:
        """Theme with the most similar description, per row."""
        return [self.themes[i] for i in self.predict_proba(x).argmax(axis=1)]
