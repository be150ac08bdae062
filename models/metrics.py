"""Plain-Python classification metrics for the theme classifiers (no scikit-learn)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from models.corpus import THEMES, Example

__all__ = ["accuracy", "macro_f1", "per_language_report"]


def _check_lengths(y_true: Sequence[str], y_pred: Sequence[str]) -> None:
    if len(y_true) != len(y_pred):
        raise ValueError(f"{len(y_true)} true labels but {len(y_pred)} predictions")


def accuracy(y_true: Sequence[str], y_pred: Sequence[str]) -> float:
    """Share of predictions equal to the true label; 0.0 for empty input."""
    _check_lengths(y_true, y_pred)
    if not y_true:
        return 0.0
    return sum(t == p for t, p in zip(y_true, y_pred, strict=True)) / len(y_true)


def macro_f1(y_true: Sequence[str], y_pred: Sequence[str], labels: Sequence[str]) -> float:
    """Unweighted mean of per-label F1 over ``labels``.

    A label that is neither true nor predicted anywhere is left out of the mean (it carries no
    information); a label with no correct prediction scores 0.
    """
    _check_lengths(y_true, y_pred)
    scores = []
    for label in labels:
        tp = sum(t == label and p == label for t, p in zip(y_true, y_pred, strict=True))
        n_true = sum(t == label for t in y_true)
        n_pred = sum(p == label for p in y_pred)
        if n_true == 0 and n_pred == 0:
            continue
        scores.append(2 * tp / (n_true + n_pred))
    return sum(scores) / len(scores) if scores else 0.0


def per_language_report(
    examples: Sequence[Example], preds: Sequence[str], labels: Sequence[str] = THEMES
) -> dict[str, tuple[float, float]]:
    """Accuracy and macro-F1 per language, as ``{lang: (accuracy, macro_f1)}``."""
    if len(examples) != len(preds):
        raise ValueError(f"{len(examples)} examples but {len(preds)} predictions")
    grouped: dict[str, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    for ex, pred in zip(examples, preds, strict=True):
        truth, guesses = grouped[ex.lang]
        truth.append(ex.theme)
        guesses.append(pred)
    return {
        lang: (accuracy(truth, guesses), macro_f1(truth, guesses, labels))
        for lang, (truth, guesses) in grouped.items()
    }
