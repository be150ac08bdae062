"""How a classifier's analysis is kept in the store."""

from __future__ import annotations

import numpy as np

from bot.classify_runner import Analysis
from bot.core.model import THEMES


def stored_form(analysis: Analysis) -> tuple[dict[str, float], bytes | None]:
    """Scores for every theme and the embedding as float16 bytes, as the store keeps them."""
    scores = {t: float(analysis.scores.get(t, 0.0)) for t in THEMES}
    if analysis.embedding is None:
        return scores, None
    return scores, np.asarray(analysis.embedding, dtype=np.float16).tobytes()
