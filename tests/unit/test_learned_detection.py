"""The learned layer on top of the detection rules (bot.core.learned)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from bot.config import parse_config
from bot.core.detect import Detection, detect
from bot.core.learned import DIM, REASON, WEIGHTS, Layer, features, refine, shipped
from bot.core.model import MessageKind
from bot.errors import ConfigError

ROOT = Path(__file__).resolve().parents[2]


def _flat(probability_threshold: float) -> Layer:
    """A layer that gives every message probability 0.5."""
    return Layer(np.zeros(DIM), probability_threshold)


def test_the_shipped_layer_loads() -> None:
    layer = shipped()
    assert layer is not None
    assert layer.weights.shape == (DIM,)
    assert np.isfinite(layer.weights).all()
    assert 0.0 < layer.demote_below < 0.5  # it only turns down what it finds unlikely
    assert WEIGHTS.stat().st_size < 400_000


def test_a_rules_question_below_the_threshold_becomes_chatter_with_the_reason_learned() -> None:
    found = detect("Why is the fund so small?")
    assert found.kind is MessageKind.QUESTION
    out = refine(found, "Why is the fund so small?", from_host=False, layer=_flat(0.6))
    assert (out.kind, out.reason, out.text) == (MessageKind.CHATTER, REASON, found.text)
    kept = refine(found, "Why is the fund so small?", from_host=False, layer=_flat(0.4))
    assert kept == found


@pytest.mark.parametrize(
    "text",
    ["Thanks everyone, great session!", "Good morning from Nairobi", "Where are the slides?"],
)
def test_what_the_rules_do_not_call_a_question_keeps_its_kind_and_reason(text: str) -> None:
    found = detect(text)
    assert found.kind is not MessageKind.QUESTION
    assert refine(found, text, from_host=False, layer=_flat(0.99)) == found


def test_a_zero_threshold_never_demotes() -> None:
    found = Detection(MessageKind.QUESTION, "x?", "mark")
    assert refine(found, "x?", from_host=False, layer=_flat(0.0)) == found


def test_every_decision_keeps_a_one_word_reason() -> None:
    for text in ("How will this be funded?", "lol why?", "Q: when do we vote", "ok", "hi all"):
        out = refine(detect(text), text, from_host=False)
        assert out.reason and " " not in out.reason


def test_features_ignore_links_and_mentions() -> None:
    with_link = features("see https://x.org/a?b=1 ok", "chatter", "remark", from_host=False)
    assert "marks=0" in with_link and "link" in with_link
    assert not any("?" in name for name in with_link if name.startswith("c:"))


def test_the_layer_round_trips_through_npz(tmp_path: Path) -> None:
    layer = Layer(np.arange(DIM, dtype=np.float64) / DIM, 0.25)
    layer.save(tmp_path / "x.npz")
    back = Layer.load(tmp_path / "x.npz")
    assert back.demote_below == 0.25
    assert np.allclose(back.weights, layer.weights, atol=1e-6)


def test_the_switch_is_on_by_default_and_can_be_turned_off() -> None:
    assert parse_config({}).detection.learned is False  # opt-in (README)
    assert parse_config({"detection": {"learned": True}}).detection.learned is True
    assert parse_config({"detection": {"learned": False}}).detection.learned is False
    with pytest.raises(ConfigError, match=r"detection\.learned"):
        parse_config({"detection": {"learned": "yes"}})


@pytest.mark.slow
def test_the_training_script_reproduces_the_shipped_weights(tmp_path: Path) -> None:
    out = tmp_path / "layer.npz"
    subprocess.run(
        [sys.executable, "benchmarks/train_detection.py", "--no-loso", "--out", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    again, ours = Layer.load(out), Layer.load(WEIGHTS)
    assert again.demote_below == ours.demote_below
    assert np.array_equal(again.weights, ours.weights)


@pytest.mark.parametrize(
    "text",
    [
        "@Tomasz did you get my email?",  # a fellow participant, by @mention
        "@Amina are you joining tomorrow?",
        "is this the right room for the water panel?",  # the asker's own logistics
    ],
)
def test_the_shipped_layer_turns_down_questions_that_are_not_for_the_panel(text: str) -> None:
    found = detect(text)
    assert found.kind is MessageKind.QUESTION  # the rules alone queue it
    out = refine(found, text, from_host=False)
    assert (out.kind, out.reason) == (MessageKind.CHATTER, REASON)


@pytest.mark.parametrize(
    "text",
    [
        "How do cooperatives access the guarantee fund?",
        "What safeguards exist for whistleblowers in the new law?",
        "¿Cuál es el plan del gobierno para los pequeños agricultores?",
        "Kwa nini serikali haijaongeza bajeti ya afya?",
    ],
)
def test_the_shipped_layer_keeps_questions_for_the_panel(text: str) -> None:
    found = detect(text)
    assert refine(found, text, from_host=False) == found


@pytest.mark.parametrize(
    "text", ["Why is the fund so small?", "@Ana ¿tienes el enlace?", "Q: 何ですか", "ok. so? next."]
)
def test_the_fast_score_is_the_probability_of_the_features(text: str) -> None:
    layer = shipped()
    assert layer is not None
    for host, prior in ((False, 0), (True, 7)):
        fast = layer.score(text, "question", "mark", from_host=host, peers={"ana"}, prior=prior)
        slow = layer.probability(
            features(text, "question", "mark", from_host=host, peers={"ana"}, prior=prior)
        )
        assert fast == pytest.approx(slow, abs=1e-12)


def test_intake_detection_follows_the_switch() -> None:
    from datetime import UTC, datetime

    from bot.core.hosts import Peers
    from bot.core.learned import detect_chat
    from bot.core.model import ChatMessage

    text = "@Tomasz did you get my email?"
    message = ChatMessage("zoom", "1", datetime(2026, 1, 1, tzinfo=UTC), "Lea Park", text)
    assert detect_chat(message, False, Peers(), 0, learned=False) == detect(text)
    assert detect_chat(message, False, Peers(), 0).reason == REASON


def test_a_question_to_a_known_speaker_is_never_turned_down() -> None:
    from datetime import UTC, datetime

    from bot.core.hosts import Peers
    from bot.core.learned import detect_chat
    from bot.core.model import ChatMessage

    text = "@Tomasz did you get my email?"
    message = ChatMessage("zoom", "1", datetime(2026, 1, 1, tzinfo=UTC), "Lea Park", text)
    found = detect_chat(message, False, Peers(["Tomasz Nowak"]), 0)
    assert found == detect(text)
    assert refine(found, text, from_host=False, to_speaker=True, layer=_flat(0.99)) == found
