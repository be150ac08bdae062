"""Near-duplicates: does a new question ask what an open one already asks?"""

from __future__ import annotations

import logging

import numpy as np

from bot.classifier import DuplicateScorer
from bot.core.text import snippet_key
from bot.store import Repos

log = logging.getLogger(__name__)


class DuplicateFinder:
    """The same text, or (in any language) the learned duplicate score over a threshold.

    Without a scorer, or without embeddings (the n-gram fallback), only the same text counts
    (one warning). No theme check: on held-out pairs it cost recall without adding precision
    a higher threshold would not give (see ``python -m models.duplicates evaluate``). A wrong
    merge is undone with ``split``.
    """

    def __init__(self, scorer: DuplicateScorer | None, threshold: float) -> None:
        self.scorer = scorer
        self.threshold = threshold
        self._warned = False

    def _warn(self, reason: str) -> None:
        if not self._warned:
            self._warned = True
            log.warning("near-duplicates: only questions with the same text are merged: %s", reason)

    async def duplicate_of(
        self, uow: Repos, event_id: int, text: str, embedding: np.ndarray | None
    ) -> int | None:
        """The open root question ``text`` repeats, if any."""
        same = await uow.questions.find_same_text(event_id, snippet_key(text))
        if same is not None:
            return same
        scorer = self.scorer
        if scorer is None or embedding is None:
            if scorer is not None:
                self._warn("the theme classifier gives no sentence embeddings")
            return None
        vector = np.asarray(embedding, dtype=np.float32)
        if vector.shape != (scorer.dim,):
            self._warn(
                f"the scorer expects {scorer.dim}-dimensional embeddings, the classifier gives"
                f" {vector.size}"
            )
            return None
        width = scorer.dim * np.dtype(np.float16).itemsize
        # rows stored by another encoder (an older database) have another size: not comparable
        rows = [(qid, blob) for qid, blob in await uow.questions.embeddings(event_id)]
        rows = [(qid, blob) for qid, blob in rows if len(blob) == width]
        if not rows:
            return None
        matrix = np.stack([np.frombuffer(blob, dtype=np.float16) for _, blob in rows])
        scores = scorer.similarity(vector, matrix.astype(np.float32))
        best = int(np.argmax(scores))
        if scores[best] >= self.threshold:
            return rows[best][0]
        return None
