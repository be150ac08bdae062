"""Runs the (blocking) theme classifier off the event loop and batches requests that arrive together.

Discord delivers questions one by one; several often arrive within a few milliseconds. Each caller
awaits :meth:`ClassifierRunner.analyse`; the runner waits ``linger`` seconds for company, then
classifies and embeds every waiting text in one call on a worker thread.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from bot.classifier import ThemeClassifier, ThemeScores

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Analysis:
    """Theme scores and (when the model has one) the sentence embedding of one text."""

    scores: ThemeScores
    embedding: np.ndarray | None


class ClassifierRunner:
    """Batching, off-loop front of a :class:`ThemeClassifier`."""

    def __init__(
        self, classifier: ThemeClassifier, *, batch_size: int = 32, linger: float = 0.005
    ) -> None:
        self.classifier = classifier
        self.batch_size = batch_size
        self.linger = linger
        self._waiting: list[tuple[list[str], asyncio.Future[list[Analysis]]]] = []
        self._flusher: asyncio.Task[None] | None = None
        self.calls = 0  # how many classifier calls were made (for tests and benchmarks)

    async def analyse(self, texts: Sequence[str]) -> list[Analysis]:
        """Scores and embeddings for ``texts``, in order."""
        if not texts:
            return []
        future: asyncio.Future[list[Analysis]] = asyncio.get_running_loop().create_future()
        self._waiting.append((list(texts), future))
        if self._flusher is None or self._flusher.done():
            self._flusher = asyncio.create_task(self._flush_soon())
        return await future

    async def _flush_soon(self) -> None:
        await asyncio.sleep(self.linger)
        while self._waiting:
            waiting, self._waiting = self._waiting, []
            texts = [t for batch, _ in waiting for t in batch]
            try:
                results = await asyncio.to_thread(self._run, texts)
            except Exception as exc:  # the classifier failed: every waiter hears about it
                log.exception("theme classifier failed on a batch of %d texts", len(texts))
                for _, future in waiting:
                    if not future.done():
                        future.set_exception(exc)
                continue
            start = 0
            for batch, future in waiting:
                if not future.done():
                    future.set_result(results[start : start + len(batch)])
                start += len(batch)

    def _run(self, texts: list[str]) -> list[Analysis]:
        out: list[Analysis] = []
        for start in range(0, len(texts), self.batch_size):
            chunk = texts[start : start + self.batch_size]
            self.calls += 1
            both = getattr(self.classifier, "analyse", None)
            if both is not None:  # one forward pass for scores and embedding
                scores, vectors = both(chunk)
            else:
                scores = self.classifier.classify(chunk)
                vectors = self.classifier.embed(chunk)
            for i, score in enumerate(scores):
                out.append(Analysis(score, None if vectors is None else vectors[i]))
        return out
