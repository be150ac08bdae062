"""The classifier interface as the application sees it (defined in :mod:`models.interface`).

Dependencies run one way: ``bot/`` imports ``models/``, never the reverse.
"""

from models.interface import DuplicateScorer, ThemeClassifier, ThemeScores, top_theme

__all__ = ["DuplicateScorer", "ThemeClassifier", "ThemeScores", "top_theme"]
