"""Whole invented chats (tests/fixtures/detection_dev, written for development, in Zoom's dated
format): hosts are inferred, peers are the chat's own participants, as in the intake."""

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = importlib.util.spec_from_file_location(
    "eval_detection", ROOT / "benchmarks/eval_detection.py"
)
assert SPEC is not None and SPEC.loader is not None
EVAL = importlib.util.module_from_spec(SPEC)
sys.modules["eval_detection"] = EVAL  # dataclasses look their module up
SPEC.loader.exec_module(EVAL)


@pytest.fixture(scope="module")
def scores() -> dict:
    by_kind, failures = EVAL.evaluate([ROOT / "tests/fixtures/detection_dev"], show_errors=True)
    assert failures == []
    return by_kind


@pytest.mark.parametrize(
    "kind",
    [
        "class_multilingual",
        "horn_sahel_forum",
        "policy_webinar_localisation",
        "regional_dialogue_asia",
        "workshop_tech",
    ],
)
def test_every_message_of_the_development_chats(scores: dict, kind: str) -> None:
    score = scores[kind]
    assert score.messages > 10
    assert score.errors == []
