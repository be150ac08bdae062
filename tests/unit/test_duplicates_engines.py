"""One near-duplicate scorer per encoder engine: the bot loads the one trained on the embeddings
its engine gives (int8 on ``onnx-int8``), falls back to the bfloat16 one when the int8 file is
missing, uses the loaded scorer's own threshold unless the config sets one, and training is
deterministic and embeds one text at a time on the int8 engine."""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

import models.duplicates as dup_module
from bot.app import duplicate_engine, load_duplicate_scorer
from bot.config import ClassifierConfig, Config, ConfigError, parse_config
from bot.usecases.duplicates import DEFAULT_THRESHOLD, DuplicateFinder, duplicate_threshold
from models.duplicates import (
    DEFAULT_DUPLICATES_PATH,
    INT8_DUPLICATES_PATH,
    DuplicateScorer,
    embedding_batch,
    scorer_path_for,
    train_duplicates,
    train_int8_duplicates,
)


def _config(**classifier: object) -> Config:
    return Config(classifier=ClassifierConfig(**classifier))  # type: ignore[arg-type]


def test_both_shipped_scorers_fit_e5_and_name_their_engine() -> None:
    bf16, int8 = (
        DuplicateScorer.load(DEFAULT_DUPLICATES_PATH),
        DuplicateScorer.load(INT8_DUPLICATES_PATH),
    )
    assert bf16.dim == int8.dim == 384
    assert "[onnx-int8]" in int8.encoder and "[onnx-int8]" not in bf16.encoder
    assert not np.allclose(bf16.projection, int8.projection)
    # each has its own cross-validated threshold, which the bot uses unless the config sets one
    assert Config().classifier.duplicate_threshold is None
    assert 0.5 < int8.threshold < 0.9 and 0.5 < bf16.threshold < 0.9
    assert INT8_DUPLICATES_PATH.stat().st_size < 500_000


def test_the_engine_picks_the_scorer_file(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    assert scorer_path_for("onnx-int8") == INT8_DUPLICATES_PATH
    for engine in ("torch", "onnx"):
        assert scorer_path_for(engine) == DEFAULT_DUPLICATES_PATH
    default = tmp_path / "duplicates.npz"
    with caplog.at_level(logging.WARNING):
        assert scorer_path_for("onnx-int8", default) == default  # no int8 file beside it
    assert "no scorer trained on int8 embeddings" in caplog.text


def test_the_bot_loads_the_scorer_of_its_engine() -> None:
    int8 = load_duplicate_scorer(_config(engine="onnx-int8"))
    bf16 = load_duplicate_scorer(_config(engine="torch"))
    assert isinstance(int8, DuplicateScorer) and isinstance(bf16, DuplicateScorer)
    assert "[onnx-int8]" in int8.encoder and "[onnx-int8]" not in bf16.encoder
    # a source the ONNX engines cannot load runs on torch, so it gets the bfloat16 scorer
    assert duplicate_engine(_config(engine="onnx-int8", source="some/hub-model")) == "torch"
    # an explicit file wins
    chosen = load_duplicate_scorer(
        _config(engine="onnx-int8", duplicates=str(DEFAULT_DUPLICATES_PATH))
    )
    assert isinstance(chosen, DuplicateScorer) and chosen.encoder == bf16.encoder
    assert load_duplicate_scorer(_config(source="ngram")) is None


def test_without_the_int8_file_the_bot_falls_back_to_the_bfloat16_scorer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    heads = tmp_path / "heads"
    heads.mkdir()
    shutil.copy(DEFAULT_DUPLICATES_PATH, heads / DEFAULT_DUPLICATES_PATH.name)
    monkeypatch.setattr(dup_module, "DEFAULT_DUPLICATES_PATH", heads / DEFAULT_DUPLICATES_PATH.name)
    with caplog.at_level(logging.WARNING):
        scorer = load_duplicate_scorer(_config(engine="onnx-int8"))
    assert isinstance(scorer, DuplicateScorer) and "[onnx-int8]" not in scorer.encoder
    assert "no scorer trained on int8 embeddings" in caplog.text
    shutil.copy(INT8_DUPLICATES_PATH, heads / INT8_DUPLICATES_PATH.name)
    scorer = load_duplicate_scorer(_config(engine="onnx-int8"))
    assert isinstance(scorer, DuplicateScorer) and "[onnx-int8]" in scorer.encoder


def test_the_threshold_is_the_scorers_own_unless_configured() -> None:
    scorer = DuplicateScorer(np.zeros(2, np.float32), np.eye(2, dtype=np.float32), 0.64)
    assert duplicate_threshold(None, scorer) == pytest.approx(0.64)
    assert duplicate_threshold(0.8, scorer) == pytest.approx(0.8)
    assert duplicate_threshold(None, None) == DEFAULT_THRESHOLD
    assert DuplicateFinder(scorer, None).threshold == pytest.approx(0.64)  # what the bot runs
    assert DuplicateFinder(scorer, 0.8).threshold == pytest.approx(0.8)
    assert (
        parse_config({"classifier": {"duplicate_threshold": 0.8}}).classifier.duplicate_threshold
        == 0.8
    )
    assert (
        parse_config({"classifier": {"duplicate_threshold": 1}}).classifier.duplicate_threshold
        == 1.0
    )
    for bad in ("high", 0.05, True):
        with pytest.raises(ConfigError, match="duplicate_threshold"):
            parse_config({"classifier": {"duplicate_threshold": bad}})


class FakeInt8Encoder:
    """Deterministic made-up embeddings: a direction per question group plus a text-specific
    wobble; records the batch sizes it is asked for."""

    name = "fake [onnx-int8]"
    variant = "int8"
    dim = 24

    def __init__(self, groups: dict[str, str]) -> None:
        self.groups = groups
        self.batch_sizes: list[int] = []

    def _vector(self, key: str, scale: float) -> np.ndarray:
        seed = int(hashlib.sha1(key.encode()).hexdigest()[:8], 16)
        return np.random.default_rng(seed).normal(size=self.dim) * scale

    def features(
        self, texts: Sequence[str], layers: Sequence[int] = (-1,), batch_size: int = 64
    ) -> np.ndarray:
        self.batch_sizes.append(batch_size)
        rows = [self._vector(self.groups[t], 1.0) + self._vector(t, 0.4) for t in texts]
        x = np.array(rows, dtype=np.float32)
        return x / np.linalg.norm(x, axis=1, keepdims=True)


def _write_pairs(folder: Path) -> dict[str, str]:
    folder.mkdir()
    groups: dict[str, str] = {}
    lines = []
    for topic in range(6):
        for q in range(3):
            group = f"t{topic}q{q}"
            texts = [
                [lang, "chat", f"question {q} of topic {topic} in {lang}?"]
                for lang in ("en", "nl", "fr")
            ]
            groups.update({t[2]: group for t in texts})
            lines.append(
                json.dumps(
                    {"group": group, "topic": f"t{topic}", "theme": "policy", "texts": texts}
                )
            )
    (folder / "made_up.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return groups


def test_int8_training_is_deterministic_and_embeds_one_text_at_a_time(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs"
    encoder = FakeInt8Encoder(_write_pairs(pairs))
    assert embedding_batch(encoder) == 1 and embedding_batch(object()) == 64
    first = train_int8_duplicates(tmp_path / "a.npz", pairs_dir=pairs, encoder=encoder)
    second = train_int8_duplicates(tmp_path / "b.npz", pairs_dir=pairs, encoder=encoder)
    assert encoder.batch_sizes == [1, 1]
    a, b = DuplicateScorer.load(tmp_path / "a.npz"), DuplicateScorer.load(tmp_path / "b.npz")
    np.testing.assert_array_equal(a.projection, b.projection)
    np.testing.assert_array_equal(a.mean, b.mean)
    assert a.threshold == b.threshold == first["threshold"] == second["threshold"]
    assert a.encoder == "fake [onnx-int8]"
    # the scorer learned what the fake embeddings hold: a group's texts score above other groups'
    x = encoder.features(
        [
            "question 0 of topic 0 in en?",
            "question 0 of topic 0 in nl?",
            "question 1 of topic 0 in en?",
        ]
    )
    same, other = a.similarity(x[0], x[1:])
    assert same > other
    # the same procedure as the bfloat16 scorer: the same file from train_duplicates
    train_duplicates(tmp_path / "c.npz", pairs_dir=pairs, encoder=encoder)
    np.testing.assert_array_equal(DuplicateScorer.load(tmp_path / "c.npz").projection, a.projection)


def test_int8_training_without_the_engine_removes_a_stale_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import models.classifier as clf_module
    from models.convert import EncoderUnavailable

    def unavailable(*_: object) -> None:
        raise EncoderUnavailable("onnxruntime is not installed")

    monkeypatch.setattr(clf_module, "_load_onnx", unavailable)
    stale = tmp_path / "duplicates_int8.npz"
    stale.write_bytes(b"old")
    summary = train_int8_duplicates(stale)
    assert summary == {"skipped": "onnxruntime is not installed"} and not stale.exists()


class _Loaded:
    """A classifier whose encoder says which engine really loaded (what engine_of reads)."""

    def __init__(self, variant: str | None) -> None:
        self.encoder = type("Enc", (), {"variant": variant})()


class _Lazy:
    def __init__(self, variant: str | None) -> None:
        self.loaded = _Loaded(variant)


def test_the_scorer_follows_the_engine_that_really_loaded(
    caplog: pytest.LogCaptureFixture,
) -> None:
    from bot.app import EngineMatchedScorer
    from models.classifier import engine_of

    assert [engine_of(_Loaded(v)) for v in ("int8", "fp32", None)] == ["onnx-int8", "onnx", "torch"]
    assert engine_of(object()) is None  # the n-gram fallback has no encoder
    int8 = DuplicateScorer.load(INT8_DUPLICATES_PATH)
    bf16 = DuplicateScorer.load(DEFAULT_DUPLICATES_PATH)
    # ONNX Runtime could not load, the classifier fell back to torch: the bfloat16 scorer is used
    fell_back = EngineMatchedScorer(int8, "onnx-int8", _Lazy(None))  # type: ignore[arg-type]
    with caplog.at_level(logging.WARNING):
        finder = DuplicateFinder(fell_back, None)
        assert finder.threshold == pytest.approx(bf16.threshold)
    assert "runs on torch, not onnx-int8" in caplog.text
    x = np.random.default_rng(0).normal(size=(3, 384)).astype(np.float32)
    np.testing.assert_allclose(fell_back.project(x), bf16.project(x))
    # the expected engine loaded: the scorer stays
    kept = EngineMatchedScorer(int8, "onnx-int8", _Lazy("int8"))  # type: ignore[arg-type]
    assert kept.scorer is int8 and kept.threshold == pytest.approx(int8.threshold)


def test_the_bot_wraps_the_shipped_scorer_but_not_a_configured_one() -> None:
    from bot.app import EngineMatchedScorer

    lazy = _Lazy("int8")
    wrapped = load_duplicate_scorer(_config(engine="onnx-int8"), lazy)  # type: ignore[arg-type]
    assert isinstance(wrapped, EngineMatchedScorer)
    chosen = load_duplicate_scorer(
        _config(engine="onnx-int8", duplicates=str(DEFAULT_DUPLICATES_PATH)),
        lazy,  # type: ignore[arg-type]
    )
    assert isinstance(chosen, DuplicateScorer)
