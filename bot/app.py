"""The composition root's building blocks: config -> store, classifier, service.

The CLI (and the Discord runner) call :func:`build_service`; nothing here runs at import time.
"""

from __future__ import annotations

import csv
import logging
import threading
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from bot.classifier import DuplicateScorer, ThemeClassifier, ThemeScores
from bot.classify_runner import ClassifierRunner
from bot.config import Config, Location
from bot.core.regions import Country, CountryTable
from bot.language import LanguageDetector
from bot.store import open_store
from bot.usecases import Service

log = logging.getLogger(__name__)

COUNTRY_LIST = "OECD DAC List of ODA Recipients, reporting on 2024 and 2025 flows"


@lru_cache(maxsize=1)
def country_table() -> CountryTable:
    """The shipped country table (DAC list flags included)."""
    text = (resources.files("bot") / "data" / "countries.csv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    reader = csv.DictReader(lines)
    countries = [
        Country(
            iso2=row["iso2"].strip(),
            name=row["name"].strip(),
            dac=row["dac"].strip() == "1",
            aliases=tuple(a.strip() for a in row["aliases"].split("|") if a.strip()),
        )
        for row in reader
    ]
    return CountryTable(countries, COUNTRY_LIST)


def load_theme_classifier(config: Config) -> ThemeClassifier:
    """The encoder-backed classifier, or the n-gram fallback (with a warning) if it can't load.

    ``[classifier] source = "ngram"`` asks for the n-gram baseline alone (fast start, no torch).
    """
    if config.classifier.source == "ngram":
        from models.ngram import DEFAULT_NGRAM_PATH, NgramClassifier

        return NgramClassifier.load(DEFAULT_NGRAM_PATH)
    from models.classifier import load_classifier

    head = Path(config.classifier.head) if config.classifier.head else None
    return load_classifier(
        source=config.classifier.source,
        cache_dir=config.encoder_cache(),
        head_path=head,
        engine=config.classifier.engine,  # type: ignore[arg-type]  # checked by bot.config
    )


class LazyClassifier:
    """Loads the real classifier on first use, so commands that never classify start fast."""

    def __init__(self, config: Config) -> None:
        self._config = config
        self._loaded: ThemeClassifier | None = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> ThemeClassifier:
        """The underlying classifier (loaded now if needed)."""
        with self._lock:
            if self._loaded is None:
                self._loaded = load_theme_classifier(self._config)
            return self._loaded

    @property
    def name(self) -> str:
        """Name of the underlying classifier."""
        return self.loaded.name

    def classify(self, texts: Sequence[str]) -> list[ThemeScores]:
        """Delegate to the loaded classifier."""
        return self.loaded.classify(texts)

    def embed(self, texts: Sequence[str]) -> np.ndarray | None:
        """Delegate to the loaded classifier."""
        return self.loaded.embed(texts)

    def analyse(self, texts: Sequence[str]) -> tuple[list[ThemeScores], np.ndarray | None]:
        """Scores and embeddings in one pass when the loaded classifier can, else two calls."""
        loaded = self.loaded
        both = getattr(loaded, "analyse", None)
        if both is not None:
            scores, vectors = both(texts)
            return list(scores), vectors
        return loaded.classify(texts), loaded.embed(texts)


def duplicate_engine(config: Config) -> str:
    """The encoder engine the configured classifier runs (as :func:`models.classifier.load_encoder`
    decides it, without loading anything): ``auto`` resolved for this CPU, and torch for a
    source the ONNX engines cannot load."""
    from models.classifier import _onnx_source, resolve_engine

    engine = resolve_engine(config.classifier.engine)  # type: ignore[arg-type]  # bot.config checks it
    if engine != "torch" and not _onnx_source(config.classifier.source):
        return "torch"
    return engine


def load_duplicate_scorer(
    config: Config, classifier: LazyClassifier | None = None
) -> DuplicateScorer | None:
    """The learned near-duplicate scorer (``[classifier] duplicates``, default the shipped one
    matching the engine, :func:`models.duplicates.scorer_path_for`: the one trained on int8
    embeddings for ``onnx-int8``, else the bfloat16 one).

    With ``classifier`` (the bot's lazily loaded one) and no file configured, the shipped scorer
    is an :class:`EngineMatchedScorer`: the configured engine's one until the classifier has
    loaded, then the one of the engine that really loaded (an ONNX engine that cannot load falls
    back to torch, whose embeddings the int8 scorer was not trained on).

    None, after one warning, when the n-gram classifier is configured (it has no embeddings) or
    the file is missing or unreadable: questions are then merged only when their text is the same.
    """
    if config.classifier.source == "ngram":
        log.warning(
            "near-duplicates: the n-gram classifier has no embeddings; only questions with"
            " the same text are merged"
        )
        return None
    from models.duplicates import DuplicateScorer as LearnedScorer
    from models.duplicates import scorer_path_for

    path = (
        Path(config.classifier.duplicates)
        if config.classifier.duplicates
        else scorer_path_for(duplicate_engine(config))
    )
    try:
        scorer = LearnedScorer.load(path)
    except (OSError, ValueError) as exc:
        log.warning(
            "near-duplicates: only questions with the same text are merged; no scorer at %s (%s);"
            " `python -m models.duplicates train` writes one",
            path,
            exc,
        )
        return None
    if classifier is None or config.classifier.duplicates:
        return scorer
    return EngineMatchedScorer(scorer, duplicate_engine(config), classifier)


class EngineMatchedScorer:
    """The shipped near-duplicate scorer of the engine the classifier really runs.

    Starts with the scorer of the configured engine (``expected``); on first use (there is an
    embedding to compare, so the classifier has loaded) it asks the classifier which engine
    loaded (:func:`models.classifier.engine_of`) and, when that differs, switches once to the
    scorer trained on that engine's embeddings (one warning). If that file cannot be read the
    first one is kept: it still keeps its precision, it finds fewer duplicates.
    """

    def __init__(self, scorer: DuplicateScorer, expected: str, classifier: LazyClassifier) -> None:
        self._scorer = scorer
        self._expected = expected
        self._classifier = classifier
        self._checked = False
        self._lock = threading.Lock()

    @property
    def scorer(self) -> DuplicateScorer:
        """The scorer in use (checked against the loaded engine the first time)."""
        if self._checked:
            return self._scorer
        with self._lock:
            if not self._checked:
                self._checked = True
                self._match()
        return self._scorer

    def _match(self) -> None:
        from models.classifier import engine_of
        from models.duplicates import DuplicateScorer as LearnedScorer
        from models.duplicates import scorer_path_for

        engine = engine_of(self._classifier.loaded)
        if engine is None or engine == self._expected:
            return
        path = scorer_path_for(engine)
        if scorer_path_for(self._expected) == path:
            return  # the same file serves both engines
        try:
            self._scorer = LearnedScorer.load(path)
        except (OSError, ValueError) as exc:
            log.warning(
                "near-duplicates: keeping the %s scorer: %s (%s)", self._expected, path, exc
            )
            return
        log.warning(
            "near-duplicates: the classifier runs on %s, not %s; using the scorer trained on its"
            " embeddings (%s)",
            engine,
            self._expected,
            path.name,
        )

    @property
    def threshold(self) -> float | None:
        """The scorer's own cross-validated threshold."""
        own = getattr(self.scorer, "threshold", None)
        return float(own) if isinstance(own, int | float) else None

    @property
    def dim(self) -> int:
        """The embedding size the scorer expects."""
        return self.scorer.dim

    def project(self, embeddings: np.ndarray) -> np.ndarray:
        """Delegate to the matched scorer."""
        return self.scorer.project(embeddings)

    def similarity(self, query: np.ndarray, stored: np.ndarray) -> np.ndarray:
        """Delegate to the matched scorer."""
        return self.scorer.similarity(query, stored)


@asynccontextmanager
async def open_service(
    config: Config,
    db_path: Location,
    classifier: ThemeClassifier | None = None,
    duplicates: DuplicateScorer | None = None,
) -> AsyncIterator[Service]:
    """A ready :class:`Service` over the database at ``db_path``; closes the store on exit.

    ``duplicates`` defaults to :func:`load_duplicate_scorer` (tests hand in their own).
    """
    lazy: LazyClassifier | None = None
    if classifier is None:
        classifier = lazy = LazyClassifier(config)
    if duplicates is None:
        duplicates = load_duplicate_scorer(config, lazy)
    store = await open_store(db_path)
    try:
        runner = ClassifierRunner(classifier, batch_size=config.classifier.batch_size)
        service = Service(
            store, runner, config, country_table(), LanguageDetector(), duplicates=duplicates
        )
        await store.listen(service.ctx.changed_here)  # other processes' changes (PostgreSQL)
        yield service
    finally:
        await store.close()
