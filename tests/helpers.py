"""Test helpers: a small deterministic classifier that honours the ThemeClassifier contract.

It is a fake on purpose (ARCHITECTURE.md: "so a test can hand in a fake"): pipeline tests must not
depend on the encoder's weights. The real classifier has its own tests under tests/*/test_encoder*.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np

from bot.core.model import THEMES
from bot.core.text import fold
from models.duplicates import DuplicateScorer

KEYWORDS = {
    "policy": (
        "policy",
        "budget",
        "subsidy",
        "report",
        "evaluat",
        "beleid",
        "coheren",
        "framework",
        "iati",
        "politique",
        "bajeti",
    ),
    "civic": (
        "civic",
        "activist",
        "defender",
        "movement",
        "protest",
        "civique",
        "defensores",
        "movimientos",
        "watetezi",
        "space",
    ),
    "system": (
        "direct",
        "power",
        "agenda",
        "local organi",
        "intermediar",
        "risk",
        "riscos",
        "prioridades",
        "priorit",
        "ufadhili",
    ),
}


class KeywordClassifier:
    """Keyword scores plus a hashed bag-of-words embedding (same words -> close vectors)."""

    name = "keywords"

    def __init__(self) -> None:
        self.calls: list[int] = []

    def classify(self, texts: Sequence[str]) -> list[dict[str, float]]:
        self.calls.append(len(texts))
        out = []
        for text in texts:
            low = fold(text)
            raw = {t: 0.1 + sum(k in low for k in KEYWORDS.get(t, ())) for t in THEMES}
            raw["other"] = 0.5
            total = sum(raw.values())
            out.append({t: v / total for t, v in raw.items()})
        return out

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        vectors = np.zeros((len(texts), 64), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in fold(text).split():
                slot = int(hashlib.md5(word.strip("?!.,").encode()).hexdigest(), 16) % 64
                vectors[i, slot] += 1.0
            norm = np.linalg.norm(vectors[i]) or 1.0
            vectors[i] /= norm
        return vectors


def identity_scorer(dim: int = 64) -> DuplicateScorer:
    """A near-duplicate scorer that keeps every dimension: its score is the plain cosine."""
    return DuplicateScorer(np.zeros(dim, np.float32), np.eye(dim, dtype=np.float32), 0.71)
