"""Near-duplicates: does a new question ask what an open one already asks?"""

from __future__ import annotations

import logging

import numpy as np

from bot.classifier import DuplicateScorer
from bot.core.text import snippet_key
from bot.store import Repos
from models.dup_guards import check as check_wording

log = logging.getLogger(__name__)


class DuplicateFinder:
    """The same text, or (in any language) the learned duplicate score over a threshold *and*
    wording that agrees (:func:`models.dup_guards.check`: the same numbers and names, as many
    asks, not the same sentence about another subject).

    Candidates are tried from the best score down; the first whose wording agrees wins, so a
    question is never merged into one that only shares its subject. Without a scorer, or
    without embeddings (the n-gram fallback), only the same text counts (one warning). No
    theme check: on the pair corpus it cost a fifth of the recall for precision the threshold
    gives anyway. A wrong merge is undone with ``split``.
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
        rows = [row for row in await uow.questions.embeddings(event_id) if len(row[2]) == width]
        if not rows:
            return None
        matrix = np.stack([np.frombuffer(blob, dtype=np.float16) for _, _, blob in rows])
        scores = scorer.similarity(vector, matrix.astype(np.float32))
        for k in np.argsort(-scores, kind="stable"):
            if scores[k] < self.threshold:
                break
            qid, stored_text, _ = rows[int(k)]
            verdict = check_wording(text, stored_text)
            if verdict.ok:
                return qid
            # the rule only: the reason quotes the texts, which stay out of logs
            log.info(
                "not merged into question %d (score %.2f): the %s check failed",
                qid,
                float(scores[k]),
                verdict.rule,
            )
        return None
