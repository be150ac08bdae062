"""The classifier interface as the application sees it (defined in :mod:`models.interface`).

Dependencies run one way: ``bot/`` imports ``models/``, never the reverse.
"""

from models.interface import DuplicateScorer, ThemeClassifier, ThemeScores, is_unknown, top_theme

__all__ = [
    "DuplicateScorer",
    "ThemeClassifier",
    "ThemeScores",
    "is_unknown",
    "is_unsure",
    "top_theme",
]


def is_unsure(theme: str, scores: ThemeScores, threshold: float) -> bool:
    """Whether the model's theme is worth a second look: its score is under ``threshold`` or
    the model could not tell at all (all-equal scores, :func:`is_unknown`).

    A theme that is not the model's top theme was set by the moderator: never unsure. Without
    scores (no classifier ran) there is nothing to be unsure about.
    """
    if not scores or theme != top_theme(scores):
        return False
    return is_unknown(scores) or max(scores.values()) < threshold
