"""Temperature scaling of theme probabilities, and the expected calibration error.

A classifier's top score should mean what it says: of the questions filed with a top score near
0.8, about 8 in 10 should be right. The heads are fitted with class balancing and L2, and the
ensemble is a weighted geometric mean of two models, so their raw scores need not be calibrated.
:func:`fit_temperature` finds one scalar ``T`` that minimises the negative log-likelihood of
*cross-validated* (out-of-fold) predictions; :func:`apply_temperature` turns probabilities ``p``
into ``softmax(log p / T)``. The ranking of the themes never changes (so neither does the
theme a question is filed under), only how sure the scores are. ``T > 1`` softens
over-confident scores, ``T < 1`` sharpens timid ones. Deterministic, numpy only.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["ECE_BINS", "apply_temperature", "expected_calibration_error", "fit_temperature"]

#: Equal-width bins of the top score for :func:`expected_calibration_error`.
ECE_BINS = 10
#: The search range of ``log T`` (T from 0.05 to 20).
_LOG_T_RANGE = (float(np.log(0.05)), float(np.log(20.0)))


def apply_temperature(probs: np.ndarray, temperature: float | None) -> np.ndarray:
    """``softmax(log p / T)`` row-wise; ``None`` or ``1`` gives ``probs`` back unchanged."""
    probs = np.asarray(probs, dtype=np.float64)
    if temperature is None or temperature == 1.0 or probs.size == 0:
        return probs
    if not temperature > 0:
        raise ValueError(f"the temperature must be positive, got {temperature}")
    z = np.log(np.maximum(probs, np.finfo(np.float64).tiny)) / temperature
    z -= z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return np.asarray(e / e.sum(axis=1, keepdims=True))


def _nll(probs: np.ndarray, y: np.ndarray, temperature: float) -> float:
    p = apply_temperature(probs, temperature)[np.arange(len(y)), y]
    return -float(np.mean(np.log(np.maximum(p, 1e-300))))


def fit_temperature(probs: np.ndarray, y: Sequence[int] | np.ndarray, iters: int = 60) -> float:
    """The ``T`` minimising the mean negative log-likelihood of ``softmax(log p / T)``.

    ``probs`` are (out-of-fold) probabilities ``(n, k)``, ``y`` the true class indices. The
    likelihood is unimodal in ``log T``, searched by golden section over T in [0.05, 20].
    """
    probs = np.asarray(probs, dtype=np.float64)
    labels = np.asarray(y, dtype=np.int64)
    if probs.ndim != 2 or len(probs) != len(labels) or len(labels) == 0:
        raise ValueError(f"need (n, k) probabilities and n labels, got {probs.shape}")
    lo, hi = _LOG_T_RANGE
    ratio = (np.sqrt(5.0) - 1.0) / 2.0
    a, b = hi - ratio * (hi - lo), lo + ratio * (hi - lo)
    fa, fb = _nll(probs, labels, np.exp(a)), _nll(probs, labels, np.exp(b))
    for _ in range(iters):
        if fa <= fb:
            hi, b, fb = b, a, fa
            a = hi - ratio * (hi - lo)
            fa = _nll(probs, labels, np.exp(a))
        else:
            lo, a, fa = a, b, fb
            b = lo + ratio * (hi - lo)
            fb = _nll(probs, labels, np.exp(b))
    return float(np.exp((lo + hi) / 2.0))


def expected_calibration_error(
    probs: np.ndarray, y: Sequence[int] | np.ndarray, bins: int = ECE_BINS
) -> float:
    """Top-label ECE: the mean |accuracy - mean top score| over equal-width bins of the top
    score, weighted by how many predictions fall in each bin (0 = perfectly calibrated)."""
    probs = np.asarray(probs, dtype=np.float64)
    labels = np.asarray(y, dtype=np.int64)
    if len(labels) == 0:
        return 0.0
    top = probs.max(axis=1)
    right = (probs.argmax(axis=1) == labels).astype(np.float64)
    which = np.minimum((top * bins).astype(np.int64), bins - 1)
    total = 0.0
    for b in range(bins):
        mask = which == b
        if mask.any():
            total += mask.sum() * abs(float(right[mask].mean()) - float(top[mask].mean()))
    return total / len(labels)
