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


def top_theme(scores: ThemeScores) -> str:
    """The highest-scoring theme; ties go to the first in the fixed theme order."""
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

    def similarity(self, query: np.ndarray, stored: np.ndarray) -> np.ndarray:
        """Scores ``(n,)`` of one embedding ``(dim,)`` against stored embeddings ``(n, dim)``."""
        ...
