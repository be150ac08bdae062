"""Near-duplicates: does a new question ask what an open one already asks?"""

from __future__ import annotations

import logging

import numpy as np

from bot.classifier import DuplicateScorer
from bot.core.text import snippet_key
from bot.store import Repos
from models.dup_guards import check as check_wording

log = logging.getLogger(__name__)


#: How many of the latest open questions a new question is compared with by meaning.
WINDOW = 5000


#: The threshold when neither the config nor the scorer gives one.
DEFAULT_THRESHOLD = 0.71


def duplicate_threshold(configured: float | None, scorer: DuplicateScorer | None) -> float:
    """``[classifier] duplicate_threshold`` when set, else the scorer's own (cross-validated
    for the embeddings it was trained on: the bfloat16 and int8 scorers differ), else
    :data:`DEFAULT_THRESHOLD`."""
    if configured is not None:
        return configured
    own = getattr(scorer, "threshold", None)
    return float(own) if isinstance(own, int | float) else DEFAULT_THRESHOLD


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

    def __init__(self, scorer: DuplicateScorer | None, threshold: float | None) -> None:
        self.scorer = scorer
        self._configured = threshold  # None: the scorer's own
        self._warned = False

    @property
    def threshold(self) -> float:
        """The merge threshold, read when used: a scorer chosen for the engine that really
        loaded (:class:`bot.app.EngineMatchedScorer`) brings its own."""
        return duplicate_threshold(self._configured, self.scorer)

    def _warn(self, reason: str) -> None:
        if not self._warned:
            self._warned = True
            log.warning("near-duplicates: only questions with the same text are merged: %s", reason)

    def pool(self, uow: Repos, event_id: int) -> DuplicatePool:
        """The open questions one unit of work compares its new questions with."""
        return DuplicatePool(self, uow, event_id)

    async def duplicate_of(
        self, uow: Repos, event_id: int, text: str, embedding: np.ndarray | None
    ) -> int | None:
        """The open root question ``text`` repeats, if any (one question, its own pool)."""
        return await self.pool(uow, event_id).duplicate_of(text, embedding)


class DuplicatePool:
    """One unit of work's near-duplicate candidates: loaded once, then kept up to date.

    The candidates are the event's latest :data:`WINDOW` open root questions when the unit
    began plus the open questions the unit adds (:meth:`added`), projected once into the
    scorer's space, so a question costs one small matrix product however long the event is,
    and memory stays bounded. An older open question is still found when its text is the same
    (an indexed lookup); only a paraphrase of a question asked more than :data:`WINDOW` open
    questions ago is not merged. Inside a unit nobody else writes the event (its lock and the
    unit's transaction), so the pool is what reloading it per question would give.
    """

    def __init__(self, finder: DuplicateFinder, uow: Repos, event_id: int) -> None:
        self.finder = finder
        self.uow = uow
        self.event_id = event_id
        self._ids: list[int] | None = None
        self._texts: list[str] = []
        self._rows = np.zeros((0, 0), dtype=np.float32)

    def _usable(self, embedding: np.ndarray | bytes | None) -> np.ndarray | None:
        """The embedding as float32 when the scorer can compare it (else None, one warning)."""
        scorer = self.finder.scorer
        if scorer is None or embedding is None:
            if scorer is not None:
                self.finder._warn("the theme classifier gives no sentence embeddings")
            return None
        if isinstance(embedding, bytes):
            if len(embedding) != scorer.dim * np.dtype(np.float16).itemsize:
                return None  # stored by another encoder (an older database): not comparable
            return np.frombuffer(embedding, dtype=np.float16).astype(np.float32)
        vector = np.asarray(embedding, dtype=np.float32)
        if vector.shape != (scorer.dim,):
            self.finder._warn(
                f"the scorer expects {scorer.dim}-dimensional embeddings, the classifier gives"
                f" {vector.size}"
            )
            return None
        return vector

    async def _load(self) -> list[int]:
        if self._ids is None:
            rows = await self.uow.questions.embeddings(self.event_id, WINDOW)
            found = [
                (qid, text, v) for qid, text, blob in rows if (v := self._usable(blob)) is not None
            ]
            self._ids = [qid for qid, _, _ in found]
            self._texts = [text for _, text, _ in found]
            scorer = self.finder.scorer
            assert scorer is not None  # loaded only to compare a usable embedding
            if found:
                self._rows = scorer.project(np.stack([v for _, _, v in found]))
        return self._ids

    async def duplicate_of(self, text: str, embedding: np.ndarray | None) -> int | None:
        """The open root question ``text`` repeats, if any: the same text, or the best-scoring
        candidate over the threshold whose wording agrees (tried from the best score down)."""
        same = await self.uow.questions.find_same_text(self.event_id, snippet_key(text))
        if same is not None:
            return same
        vector = self._usable(embedding)
        if vector is None:
            return None
        ids = await self._load()
        if not ids:
            return None
        assert self.finder.scorer is not None
        scores = self._rows[: len(ids)] @ self.finder.scorer.project(vector)[0]
        threshold = self.finder.threshold
        for k in np.argsort(-scores, kind="stable"):
            if scores[k] < threshold:
                break
            verdict = check_wording(text, self._texts[int(k)])
            if verdict.ok:
                return ids[int(k)]
            # the rule only: the reason quotes the texts, which stay out of logs
            log.info(
                "not merged into question %d (score %.2f): the %s check failed",
                ids[int(k)],
                float(scores[k]),
                verdict.rule,
            )
        return None

    def added(self, question_id: int, text: str, embedding: bytes | None) -> None:
        """The unit stored a new open root question with this text and (stored-form)
        embedding."""
        if self._ids is None:
            return  # not loaded yet: the load will read it from the unit
        vector = self._usable(embedding)
        if vector is None:
            return
        assert self.finder.scorer is not None
        row = self.finder.scorer.project(vector)[0]
        if len(self._ids) == len(self._rows):  # grow by half (rows are appended often)
            grown = np.zeros((len(self._rows) // 2 + 16, len(row)), np.float32)
            self._rows = np.concatenate([self._rows.reshape(-1, len(row)), grown])
        self._rows[len(self._ids)] = row
        self._ids.append(question_id)
        self._texts.append(text)
