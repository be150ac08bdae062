"""The near-duplicate scorer: a hand-made projection scores as designed, training learns to ignore
what paraphrases differ in, the file round-trips, and the pair corpus is what it claims to be."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from bot.config import Config
from bot.usecases.duplicates import duplicate_threshold
from models.duplicates import (
    DEFAULT_DUPLICATES_PATH,
    HELD_OUT_CHECKS,
    DuplicateScorer,
    fit_scorer,
    guard_mask,
    load_pairs,
    pair_labels,
    precision_threshold,
    prf,
    topic_folds,
)


def unit(*v: float) -> np.ndarray:
    x = np.array(v, dtype=np.float32)
    return x / np.linalg.norm(x)


# Axis 0 and 1 carry what a question asks, axis 2 the language it is written in.
DROP_LANGUAGE = DuplicateScorer(
    mean=np.zeros(3, np.float32),
    projection=np.array([[1, 0], [0, 1], [0, 0]], dtype=np.float32),
    threshold=0.5,
)


def test_hand_made_projection_ignores_the_dropped_direction() -> None:
    english, dutch = unit(1, 0, 1), unit(1, 0, -1)  # same ask, other language
    other = unit(0.2, 1, 1)  # other ask, same language as `english`
    scores = DROP_LANGUAGE.similarity(english, np.stack([dutch, other]))
    assert scores[0] == pytest.approx(1.0, abs=1e-6)
    assert scores[1] == pytest.approx(0.2 / np.sqrt(1.04), abs=1e-6)
    assert float(english @ dutch) < float(english @ other)  # raw cosine ranks them the other way


def test_the_mean_is_subtracted_before_projecting() -> None:
    centred = DuplicateScorer(np.array([1, 1], np.float32), np.eye(2, dtype=np.float32), 0.5)
    # (2, 1) and (1, 2) are 0.8-cosine-close raw, orthogonal once (1, 1) is taken away
    score = centred.similarity(np.array([2, 1.0]), np.array([[1, 2.0]]))
    assert score[0] == pytest.approx(0.0, abs=1e-6)


def test_wrong_dimension_and_empty_store() -> None:
    with pytest.raises(ValueError, match="expects 3"):
        DROP_LANGUAGE.similarity(unit(1, 0), np.zeros((1, 2)))
    assert DROP_LANGUAGE.similarity(unit(1, 0, 0), np.zeros((0, 3))).shape == (0,)


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "d.npz"
    DROP_LANGUAGE.save(path)
    again = DuplicateScorer.load(path)
    assert again.dim == 3 and again.threshold == 0.5
    np.testing.assert_array_equal(again.projection, DROP_LANGUAGE.projection)
    with pytest.raises(FileNotFoundError):
        DuplicateScorer.load(tmp_path / "missing.npz")
    (tmp_path / "bad.npz").write_bytes(b"not a zip")
    with pytest.raises(ValueError):
        DuplicateScorer.load(tmp_path / "bad.npz")


def _synthetic(seed: int = 0) -> tuple[np.ndarray, list[str], list[str]]:
    """Six questions (two topics x three) in four "languages" each; the language direction is
    larger than what tells two questions of one topic apart, as with raw e5."""
    rng = np.random.default_rng(seed)
    dim = 24
    languages = rng.normal(size=(4, dim)) * 0.6
    rows, groups, topics = [], [], []
    for t in range(2):
        topic = rng.normal(size=dim) * 2
        for q in range(3):
            ask = topic + rng.normal(size=dim) * 0.35
            for lang in languages:
                rows.append(ask + lang + rng.normal(size=dim) * 0.05)
                groups.append(f"t{t}q{q}")
                topics.append(f"t{t}")
    x = np.array(rows)
    return x / np.linalg.norm(x, axis=1, keepdims=True), groups, topics


def test_fitted_projection_separates_translations_from_same_topic_questions() -> None:
    x, groups, topics = _synthetic()
    rows, cols, positive, hard = pair_labels(groups, topics)
    raw = np.einsum("ij,ij->i", x[rows], x[cols])
    assert raw[positive].min() < raw[hard].max()  # raw cosine cannot separate them
    scorer = fit_scorer(x, groups, topics, rank=8, shrink=0.1)
    z = scorer.project(x)
    learned = np.einsum("ij,ij->i", z[rows], z[cols])
    assert learned[positive].min() > learned[hard].max()
    again = fit_scorer(x, groups, topics, rank=8, shrink=0.1)
    np.testing.assert_array_equal(again.projection, scorer.projection)  # deterministic


def test_threshold_and_metrics() -> None:
    scores = np.array([0.9, 0.8, 0.7, 0.6, 0.1])
    positive = np.array([True, True, False, True, False])
    assert prf(scores, positive, 0.75) == {
        "precision": 1.0,
        "recall": pytest.approx(2 / 3),
        "f1": pytest.approx(0.8),
        "tp": 2,
        "fp": 0,
        "fn": 1,
    }
    # the most recall at a precision: 0.8 keeps 1.0; 0.6 would be 0.75
    assert precision_threshold(scores, positive, 0.9) == 0.8
    assert precision_threshold(scores, positive, 0.75) == 0.6
    # no cut reaches it: a threshold above every score, so nothing merges
    assert precision_threshold(np.array([0.9, 0.5]), np.array([False, True]), 0.9) > 0.9


def test_guard_mask_checks_only_pairs_that_could_merge() -> None:
    texts = ["how big is the cut in 2025?", "how big is the cut in 2027?", "2025 cut: how big?"]
    rows, cols = np.array([0, 0]), np.array([1, 2])
    assert guard_mask(texts, rows, cols, np.array([0.9, 0.9])).tolist() == [False, True]
    assert guard_mask(texts, rows, cols, np.array([0.1, 0.9])).tolist() == [True, True]


# ------------------------------------------------------------------------------ the corpus


def test_pair_corpus_has_enough_multilingual_groups_and_hard_negatives() -> None:
    pairs = load_pairs()
    groups: dict[str, list] = {}
    for p in pairs:
        groups.setdefault(p.group, []).append(p)
    assert len(groups) >= 120
    assert {"en", "nl", "fr", "es", "pt", "sw", "ar", "hi", "id", "am", "so"} <= set(
        Counter(p.lang for p in pairs)
    )
    assert {p.style for p in pairs} == {"chat", "formal"}
    # the chat-style file pairs each question with one or two others; the rest has 3+ languages
    assert all(
        len({p.lang for p in g}) >= (2 if g[0].source == "chat" else 3) for g in groups.values()
    )
    per_topic = Counter(g[0].topic for g in groups.values())
    assert min(per_topic.values()) >= 4  # every question has same-topic hard negatives
    assert all(len({p.topic for p in g}) == 1 for g in groups.values())


def test_the_issue_example_and_the_checks_are_not_training_data() -> None:
    texts = {p.text.lower() for p in load_pairs()}
    checks = {t.lower() for a, b, _ in HELD_OUT_CHECKS for t in (a, b)}
    assert "hoe zorgt het kabinet voor beleidscoherentie?" in checks
    assert not texts & checks
    assert not any("beleidscoherentie" in t or "policy coherence" in t for t in texts)


def test_the_held_out_split_shares_nothing_with_training() -> None:
    from models.dup_eval import HOLDOUT_DIR

    train, held = load_pairs(), load_pairs(HOLDOUT_DIR)
    assert len({p.topic for p in held}) >= 8 and len({p.group for p in held}) >= 50
    assert not {p.topic for p in train} & {p.topic for p in held}
    assert not {p.group for p in train} & {p.group for p in held}
    assert not {p.text.lower() for p in train} & {p.text.lower() for p in held}


def test_folds_keep_topics_apart() -> None:
    pairs = load_pairs()
    topics = [p.topic for p in pairs]
    for fold in topic_folds(topics):
        inside = {topics[i] for i in fold}
        outside = {t for i, t in enumerate(topics) if i not in set(fold.tolist())}
        assert not inside & outside


def test_bad_corpus_lines_are_named(tmp_path: Path) -> None:
    good = {"group": "g1", "topic": "t", "theme": "policy", "texts": [["en", "chat", "a?"]]}
    (tmp_path / "x.jsonl").write_text(json.dumps(good) + "\n")
    with pytest.raises(ValueError, match=r"x.jsonl:1: .*at least two texts"):
        load_pairs(tmp_path)
    good["texts"] = [["en", "chat", "a?"], ["xx", "chat", "b?"]]
    (tmp_path / "x.jsonl").write_text(json.dumps(good) + "\n")
    with pytest.raises(ValueError, match="unknown language 'xx'"):
        load_pairs(tmp_path)


def test_shipped_scorer_fits_e5_and_the_config_default() -> None:
    scorer = DuplicateScorer.load(DEFAULT_DUPLICATES_PATH)
    assert scorer.dim == 384 and "multilingual-e5-small" in scorer.encoder
    # the config leaves the threshold to the loaded scorer (its cross-validated one)
    assert Config().classifier.duplicate_threshold is None
    assert duplicate_threshold(None, scorer) == pytest.approx(scorer.threshold)
    assert DEFAULT_DUPLICATES_PATH.stat().st_size < 500_000
