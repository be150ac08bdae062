"""Calibrated theme scores: temperature scaling, the ECE, where the temperatures live and apply."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest

from models.calibration import apply_temperature, expected_calibration_error, fit_temperature
from models.head import DEFAULT_HEAD_PATH, LogisticHead, fit_head
from models.interface import THEMES
from models.train import calibration_report


def _calibrated_sample(n: int = 4000, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Probabilities and labels drawn from those very probabilities: calibrated by design."""
    rng = np.random.default_rng(seed)
    logits = rng.normal(scale=2.0, size=(n, len(THEMES)))
    probs = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    labels = np.array([rng.choice(len(THEMES), p=row) for row in probs])
    return probs, labels


def test_temperature_keeps_the_ranking_and_sums_to_one() -> None:
    probs = np.array([[0.7, 0.1, 0.15, 0.05], [0.25, 0.25, 0.3, 0.2]])
    for t in (0.3, 1.0, 2.5):
        scaled = apply_temperature(probs, t)
        np.testing.assert_allclose(scaled.sum(axis=1), 1.0)
        assert (scaled.argmax(axis=1) == probs.argmax(axis=1)).all()
    assert apply_temperature(probs, 2.0)[0].max() < 0.7 < apply_temperature(probs, 0.5)[0].max()
    np.testing.assert_array_equal(apply_temperature(probs, None), probs)
    np.testing.assert_array_equal(apply_temperature(probs, 1.0), probs)
    with pytest.raises(ValueError, match="positive"):
        apply_temperature(probs, 0.0)


def test_calibrated_scores_need_no_temperature_and_have_a_small_ece() -> None:
    probs, labels = _calibrated_sample()
    assert fit_temperature(probs, labels) == pytest.approx(1.0, abs=0.08)
    assert expected_calibration_error(probs, labels) < 0.03


def test_over_confident_scores_are_softened_and_their_ece_drops() -> None:
    probs, labels = _calibrated_sample()
    over = apply_temperature(probs, 0.5)  # what an over-confident model would say
    t = fit_temperature(over, labels)
    assert t == pytest.approx(2.0, rel=0.1)
    before = expected_calibration_error(over, labels)
    after = expected_calibration_error(apply_temperature(over, t), labels)
    assert before > 0.08 and after < 0.03


def test_timid_scores_are_sharpened() -> None:
    probs, labels = _calibrated_sample(seed=1)
    assert fit_temperature(apply_temperature(probs, 3.0), labels) == pytest.approx(1 / 3, rel=0.1)


def test_ece_of_known_cases() -> None:
    labels = np.array([0, 0, 1, 1])
    always_sure_half_right = np.array([[0.99, 0.01 / 3, 0.01 / 3, 0.01 / 3]] * 4)
    assert expected_calibration_error(always_sure_half_right, labels) == pytest.approx(0.49)
    assert expected_calibration_error(np.zeros((0, 4)), np.zeros(0)) == 0.0


def test_calibration_report_scores_each_fold_with_a_temperature_fitted_elsewhere() -> None:
    probs, labels = _calibrated_sample(n=2000, seed=2)
    over = apply_temperature(probs, 0.4)
    folds = [np.arange(i, len(labels), 5) for i in range(5)]
    report = calibration_report(over, labels, folds)
    assert report["temperature"] == pytest.approx(2.5, rel=0.12)
    assert report["ece_after"] < report["ece_before"] / 2
    assert report["ece_after_in_sample"] <= report["ece_after"] + 0.01


def test_head_keeps_its_temperatures_across_save_and_load(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(40, 6))
    labels = [THEMES[i % 4] for i in range(40)]
    head = dataclasses.replace(
        fit_head(x, labels), ngram_weight=0.5, temperature=1.7, ensemble_temperature=0.8
    )
    head.save(tmp_path / "h.npz")
    loaded = LogisticHead.load(tmp_path / "h.npz")
    assert (loaded.temperature, loaded.ensemble_temperature) == (1.7, 0.8)
    plain = fit_head(x, labels)
    plain.save(tmp_path / "plain.npz")
    assert LogisticHead.load(tmp_path / "plain.npz").temperature is None  # older heads: none
    dataclasses.replace(head, temperature=-1.0).save(tmp_path / "bad.npz")
    with pytest.raises(ValueError, match="temperature"):
        LogisticHead.load(tmp_path / "bad.npz")


def test_the_shipped_head_is_calibrated() -> None:
    head = LogisticHead.load(DEFAULT_HEAD_PATH)
    assert head.temperature is not None and 0.2 < head.temperature < 5
    assert head.ensemble_temperature is not None and 0.2 < head.ensemble_temperature < 5
