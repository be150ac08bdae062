"""The one small interface between the application (``bot/``) and the theme classifier.

``bot/`` sees only :class:`ThemeClassifier` and :class:`DuplicateScorer`; tests hand in fakes,
the CLI hands in the real encoder-backed classifier (or the n-gram fallback).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

import numpy as np

#: The labels, in the application's fixed order (``bot.core.model.Theme`` holds the same;
#: a unit test keeps the two equal). ``models/`` never imports ``bot/``.
THEMES: tuple[str, ...] = ("policy", "civic", "system", "other")

ThemeScores = dict[str, float]
"""Scores for every theme (``policy``, ``civic``, ``system``, ``other``), summing to 1."""


@runtime_checkable
class ThemeClassifier(Protocol):
    """Blocking, thread-safe classifier. The service calls it off the event loop, in batches."""

    @property
    def name(self) -> str:
        """A short name for logs and reports (``e5``, ``ngram``...)."""
        ...

    def classify(self, texts: Sequence[str]) -> list[ThemeScores]:
        """Return one score dict per text, in order."""
        ...

    def embed(self, texts: Sequence[str]) -> np.ndarray | None:
        """Return L2-normalised sentence embeddings (n, d), or None if the model has none."""
        ...


#: The theme a question gets when the classifier cannot tell (:func:`is_unknown`).
UNKNOWN_FILED_AS = "other"


def unknown_scores(themes: Sequence[str] = THEMES) -> ThemeScores:
    """All-equal scores: how a classifier says "unknown theme" within the four-theme interface.

    The n-gram model answers this for a text in a script it was never trained on. The
    application files such a question under :data:`UNKNOWN_FILED_AS` and shows it as unsure.
    """
    return dict.fromkeys(themes, 1.0 / len(themes))


def is_unknown(scores: ThemeScores, tolerance: float = 1e-6) -> bool:
    """True when every theme scores the same: the classifier could not tell (see above)."""
    values = [scores.get(t, 0.0) for t in THEMES]
    return max(values) - min(values) <= tolerance


def top_theme(scores: ThemeScores) -> str:
    """The highest-scoring theme; ``other`` for unknown (all-equal) scores.

    Other ties (practically never exact) go to the first in the fixed theme order.
    """
    if is_unknown(scores):
        return UNKNOWN_FILED_AS
    return max(THEMES, key=lambda t: scores.get(t, 0.0))


@runtime_checkable
class DuplicateScorer(Protocol):
    """How alike two questions are in what they ask, from their sentence embeddings.

    The real one (:class:`models.duplicates.DuplicateScorer`) is a learned projection of the e5
    embeddings; tests hand in a tiny one. Scores are cosines in the learned space (at most 1).
    """

    @property
    def dim(self) -> int:
        """The embedding size it expects."""
        ...

    def project(self, embeddings: np.ndarray) -> np.ndarray:
        """Vectors ``(n, rank)`` whose dot products are the scores (candidates are projected
        once and compared with many new questions)."""
        ...

    def similarity(self, query: np.ndarray, stored: np.ndarray) -> np.ndarray:
        """Scores ``(n,)`` of one embedding ``(dim,)`` against stored embeddings ``(n, dim)``:
        ``project(stored) @ project(query)[0]``."""
        ...
