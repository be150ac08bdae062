"""The Encoder, its heads and the classifier on a tiny random BERT the test builds itself.

The tiny model goes through the same ``Encoder.load(folder)`` path as any local model: a real
``config.json`` + safetensors + a Unigram ``tokenizer.json`` in tmp_path.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pytest
import torch

from bot.classifier import ThemeClassifier
from bot.core.model import THEMES
from models.classifier import EncoderClassifier, EnsembleClassifier, load_classifier
from models.convert import EncoderUnavailable
from models.encoder import Encoder
from models.head import (
    LogisticHead,
    ZeroShotScorer,
    choose_l2,
    combine_log_probs,
    fit_head,
    group_folds,
)

if TYPE_CHECKING:
    from models.ngram import NgramClassifier

META = "\u2581"
WORDS = "query the a policy budget civic activist system partner other hello thanks slides"
SHORT = "hello"
LONG = "the policy budget and the civic activist and the system partner thanks for the slides"


def _tiny_tokenizer() -> object:
    from tokenizers import Regex, Tokenizer, decoders, normalizers, pre_tokenizers
    from tokenizers.models import Unigram
    from tokenizers.processors import TemplateProcessing
    from transformers import PreTrainedTokenizerFast

    specials = ["<s>", "<pad>", "</s>", "<unk>"]
    pieces = [f"{META}{w}" for w in WORDS.split()] + [META, ":", *"abcdefghijklmnopqrstuvwxyz"]
    vocab = [(p, 0.0) for p in specials] + [(p, -1.0 - 0.01 * i) for i, p in enumerate(pieces)]
    tok = Tokenizer(Unigram(vocab, unk_id=3, byte_fallback=False))
    tok.normalizer = normalizers.Replace(Regex(" {2,}"), " ")
    tok.pre_tokenizer = pre_tokenizers.Metaspace(META, prepend_scheme="always", split=True)
    tok.decoder = decoders.Metaspace(META, prepend_scheme="always", split=True)
    tok.post_processor = TemplateProcessing(
        single="<s> $A </s>", special_tokens=[("<s>", 0), ("</s>", 2)]
    )
    return PreTrainedTokenizerFast(
        tokenizer_object=tok,
        bos_token="<s>",
        eos_token="</s>",
        pad_token="<pad>",
        unk_token="<unk>",
    )


@pytest.fixture(scope="module")
def tiny_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from transformers import BertConfig, BertModel

    folder = tmp_path_factory.mktemp("tiny-bert")
    tokenizer = _tiny_tokenizer()
    torch.manual_seed(0)
    config = BertConfig(
        vocab_size=len(tokenizer),  # type: ignore[arg-type]
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=64,
        pad_token_id=1,
    )
    BertModel(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)  # type: ignore[attr-defined]
    return folder


@pytest.fixture(scope="module")
def encoder(tiny_folder: Path) -> Encoder:
    return Encoder.load(str(tiny_folder))


def _manual(encoder: Encoder, text: str) -> tuple[torch.Tensor, torch.Tensor]:
    """Hidden states of one text alone (no padding), tokenised exactly as given."""
    ids = encoder.tokenizer(text, return_tensors="pt")["input_ids"]
    with torch.inference_mode():
        hidden = encoder.model(input_ids=ids).last_hidden_state[0]
    return ids[0], hidden


def _normalise(v: torch.Tensor) -> np.ndarray:
    return (v / v.norm()).numpy()


# ----------------------------------------------------------------------------- embeddings


def test_embeddings_are_unit_vectors_in_input_order(encoder: Encoder) -> None:
    texts = [LONG, SHORT, "the budget", ""]
    emb = encoder.embed(texts)
    assert emb.shape == (4, 32)
    assert emb.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(emb, axis=1), 1.0, rtol=1e-5)
    np.testing.assert_allclose(emb[1], encoder.embed([SHORT])[0], atol=1e-6)


def test_query_prefix_is_applied(encoder: Encoder) -> None:
    ids = encoder.token_ids([SHORT])[0]
    tokens = encoder.tokenizer.convert_ids_to_tokens(ids)
    assert tokens[:4] == ["<s>", f"{META}query", ":", f"{META}hello"]
    _, with_prefix = _manual(encoder, "query: " + SHORT)
    _, without = _manual(encoder, SHORT)
    emb = encoder.embed([SHORT])[0]
    np.testing.assert_allclose(emb, _normalise(with_prefix.mean(dim=0)), atol=1e-5)
    assert not np.allclose(emb, _normalise(without.mean(dim=0)), atol=1e-3)


def test_mean_pooling_ignores_padding(encoder: Encoder) -> None:
    # In one batch with a long text, the short one is padded; its embedding must still be the
    # mean over its own tokens only (fails with CLS pooling or a mean that counts padding).
    batch = encoder.embed([SHORT, LONG], batch_size=2)[0]
    _, hidden = _manual(encoder, "query: " + SHORT)
    np.testing.assert_allclose(batch, _normalise(hidden.mean(dim=0)), atol=1e-5)
    assert not np.allclose(batch, _normalise(hidden[0]), atol=1e-3)  # not the CLS vector


def test_batching_equals_one_by_one(encoder: Encoder) -> None:
    texts = [LONG, SHORT, "the budget", "activist", LONG + " " + LONG, "thanks slides"]
    batched = encoder.embed(texts, batch_size=4)
    single = np.stack([encoder.embed([t])[0] for t in texts])
    np.testing.assert_allclose(batched, single, atol=1e-5)


def test_long_texts_are_truncated(tiny_folder: Path) -> None:
    short = Encoder.load(str(tiny_folder), max_length=8)
    ids = short.token_ids([LONG])[0]
    assert len(ids) == 8 and ids[-1] == 2
    assert short.embed([LONG]).shape == (1, 32)


def test_features_concatenate_pooled_layers(encoder: Encoder) -> None:
    feats = encoder.features([SHORT, LONG], layers=(-2, -1))
    assert feats.shape == (2, 64)
    np.testing.assert_allclose(feats[:, 32:], encoder.embed([SHORT, LONG]), atol=1e-6)
    np.testing.assert_allclose(np.linalg.norm(feats[:, :32], axis=1), 1.0, rtol=1e-5)


def test_empty_input_and_a_bare_string(encoder: Encoder) -> None:
    assert encoder.embed([]).shape == (0, 32)
    with pytest.raises(TypeError):
        encoder.embed(SHORT)


def test_concurrent_calls_give_the_same_answers(encoder: Encoder) -> None:
    texts = [LONG, SHORT, "the budget"] * 5
    expected = encoder.embed(texts)
    results: list[np.ndarray] = []

    def work() -> None:
        results.append(encoder.embed(texts, batch_size=3))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 4
    for got in results:
        np.testing.assert_allclose(got, expected, atol=1e-5)


def test_half_precision_embedding_table_changes_little(tiny_folder: Path, encoder: Encoder) -> None:
    half = Encoder.load(str(tiny_folder), half_embeddings=True)
    assert half.model.get_input_embeddings().weight.dtype == torch.float16
    texts = [SHORT, LONG]
    cos = (half.embed(texts) * encoder.embed(texts)).sum(axis=1)
    assert cos.min() > 0.999


def test_missing_folder_is_encoder_unavailable(tmp_path: Path) -> None:
    with pytest.raises(EncoderUnavailable, match="does not exist"):
        Encoder.load(str(tmp_path / "no-such-model"))
    (tmp_path / "empty").mkdir()
    with pytest.raises(EncoderUnavailable, match="cannot load encoder"):
        Encoder.load(str(tmp_path / "empty"))


# ----------------------------------------------------------------------------- heads


def _toy_data(n_per_class: int = 30, dim: int = 8, seed: int = 0) -> tuple[np.ndarray, list[str]]:
    rng = np.random.default_rng(seed)
    centers = rng.standard_normal((len(THEMES), dim)) * 2.0
    x = np.concatenate([c + rng.standard_normal((n_per_class, dim)) for c in centers])
    labels = [t for t in THEMES for _ in range(n_per_class)]
    return x, labels


def test_logistic_head_learns_is_deterministic_and_round_trips(tmp_path: Path) -> None:
    x, labels = _toy_data()
    head = fit_head(x, labels, l2=0.01, encoder="toy", layers=(-1,))
    again = fit_head(x, labels, l2=0.01, encoder="toy", layers=(-1,))
    np.testing.assert_array_equal(head.weights, again.weights)
    assert np.mean(np.array(head.predict(x)) == np.array(labels)) > 0.95
    probs = head.predict_proba(x)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0)
    head.save(tmp_path / "head.npz")
    loaded = LogisticHead.load(tmp_path / "head.npz")
    np.testing.assert_allclose(loaded.predict_proba(x), probs, atol=1e-5)
    assert (loaded.encoder, loaded.layers, loaded.l2) == ("toy", (-1,), 0.01)


def test_stronger_l2_shrinks_the_weights() -> None:
    x, labels = _toy_data()
    weak, strong = fit_head(x, labels, l2=1e-3), fit_head(x, labels, l2=1.0)
    assert np.abs(strong.weights).sum() < np.abs(weak.weights).sum()


def test_head_rejects_a_file_that_is_not_one(tmp_path: Path) -> None:
    bad = tmp_path / "bad.npz"
    np.savez(bad, something=np.zeros(3))
    with pytest.raises(ValueError, match="not a valid theme head"):
        LogisticHead.load(bad)
    with pytest.raises(FileNotFoundError):
        LogisticHead.load(tmp_path / "missing.npz")


def test_group_folds_never_split_a_group() -> None:
    groups = [f"t{i // 3}" for i in range(60)]
    folds = group_folds(groups, n_folds=5, seed=0)
    assert sorted(np.concatenate(folds).tolist()) == list(range(60))
    for fold in folds:
        inside = {groups[i] for i in fold}
        outside = {groups[i] for i in range(60) if i not in set(fold.tolist())}
        assert not inside & outside
    assert [f.tolist() for f in folds] == [f.tolist() for f in group_folds(groups, 5, 0)]


def test_choose_l2_prefers_the_best_cv_score() -> None:
    x, labels = _toy_data(seed=1)
    groups = [f"g{i // 2}" for i in range(len(labels))]
    best, scores = choose_l2(x, labels, groups, grid=(1e-3, 1.0, 1e3))
    assert set(scores) == {1e-3, 1.0, 1e3}
    assert best in (1e-3, 1.0)
    assert scores[best] == max(scores.values())


def test_zero_shot_scorer_picks_the_nearest_description() -> None:
    desc = np.eye(4, 8)
    scorer = ZeroShotScorer(desc)
    x = np.zeros((2, 8))
    x[0, 2], x[1, 0] = 1.0, 1.0
    assert scorer.predict(x) == [THEMES[2], THEMES[0]]
    np.testing.assert_allclose(scorer.predict_proba(x).sum(axis=1), 1.0)


# ----------------------------------------------------------------------------- classifier


@pytest.fixture
def tiny_head(encoder: Encoder, tmp_path: Path) -> Path:
    texts = ["policy budget", "civic activist", "system partner", "hello thanks"] * 3
    labels = [t for _ in range(3) for t in THEMES]
    feats = encoder.features(texts, (-1,))
    path = tmp_path / "e5_head.npz"
    fit_head(feats, labels, l2=0.01, encoder=encoder.name).save(path)
    return path


def test_encoder_classifier_scores_every_theme(encoder: Encoder, tiny_head: Path) -> None:
    clf = EncoderClassifier(encoder, LogisticHead.load(tiny_head))
    assert isinstance(clf, ThemeClassifier)
    scores = clf.classify(["policy budget", "hello thanks", LONG])
    assert len(scores) == 3
    for s in scores:
        assert list(s) == list(THEMES)
        assert sum(s.values()) == pytest.approx(1.0)
    assert max(scores[0], key=lambda t: scores[0][t]) == "policy"
    assert clf.classify([]) == []
    emb = clf.embed(["policy budget"])
    assert emb is not None and emb.shape == (1, 32)


def _count_forwards(encoder: Encoder) -> Iterator[list[int]]:
    calls: list[int] = []
    handle = encoder.model.register_forward_hook(lambda *args: calls.append(1))
    try:
        yield calls
    finally:
        handle.remove()


@pytest.fixture
def forwards(encoder: Encoder) -> Iterator[list[int]]:
    """A list that gets one entry per forward pass of the encoder's model."""
    yield from _count_forwards(encoder)


@pytest.mark.parametrize("layers", [(-1,), (-2,), (-1, -3), (-3, -2)])
def test_analyse_is_classify_and_embed_in_one_forward_pass(
    encoder: Encoder, forwards: list[int], layers: tuple[int, ...]
) -> None:
    texts = ["policy budget", "hello thanks", LONG, SHORT]
    labels = list(THEMES)
    head = fit_head(encoder.features(texts, layers), labels, l2=0.1, layers=layers)
    clf = EncoderClassifier(encoder, head)
    expected_scores, expected_emb = clf.classify(texts), clf.embed(texts)
    forwards.clear()
    scores, emb = clf.analyse(texts)
    assert len(forwards) == 1  # one batch, one pass: not one for the head and one for embed
    assert emb.shape == (4, 32) and emb.flags.c_contiguous
    np.testing.assert_allclose(emb, expected_emb, atol=1e-6)
    np.testing.assert_allclose(np.linalg.norm(emb, axis=1), 1.0, rtol=1e-5)
    for got, want in zip(scores, expected_scores, strict=True):
        assert list(got) == list(THEMES)
        np.testing.assert_allclose(list(got.values()), list(want.values()), atol=1e-6)
    empty_scores, empty_emb = clf.analyse([])
    assert empty_scores == [] and empty_emb.shape == (0, 32)


def _tiny_ngram(path: Path | None = None) -> NgramClassifier:
    from models.corpus import Example
    from models.ngram import train_ngram

    pairs = [("budget policy", "policy"), ("activist civic", "civic")]
    pairs += [("partner system", "system"), ("hello thanks", "other")]
    examples = [
        Example(text, theme, "en", f"t{i}", "chat") for i, (text, theme) in enumerate(pairs)
    ]
    clf = train_ngram(examples)
    if path is not None:
        clf.save(path)
    return clf


def test_combine_log_probs_is_a_weighted_geometric_mean() -> None:
    p_e5 = np.array([[0.7, 0.1, 0.1, 0.1], [0.25, 0.25, 0.25, 0.25]])
    p_ng = np.array([[0.1, 0.6, 0.2, 0.1], [0.0, 0.5, 0.5, 0.0]])
    np.testing.assert_allclose(combine_log_probs(p_e5, p_ng, 0.0), p_e5)
    np.testing.assert_allclose(combine_log_probs(p_e5, p_ng, 1.0), p_ng, atol=1e-12)
    half = combine_log_probs(p_e5, p_ng, 0.5)
    want = np.sqrt(p_e5[0] * p_ng[0])
    np.testing.assert_allclose(half[0], want / want.sum())
    np.testing.assert_allclose(half.sum(axis=1), 1.0)
    with pytest.raises(ValueError, match="in \\[0, 1\\]"):
        combine_log_probs(p_e5, p_ng, 1.5)


def test_ensemble_combines_both_models_in_one_forward_pass(
    encoder: Encoder, tiny_head: Path, forwards: list[int]
) -> None:
    e5 = EncoderClassifier(encoder, LogisticHead.load(tiny_head))
    ngram = _tiny_ngram()
    texts = ["policy budget", "hello thanks", LONG]
    clf = EnsembleClassifier(e5, ngram, 0.25)
    assert isinstance(clf, ThemeClassifier) and clf.name == "e5+ngram"
    scores = clf.classify(texts)
    p_e5 = np.array([list(s.values()) for s in e5.classify(texts)])
    want = combine_log_probs(p_e5, ngram.scores(texts), 0.25)
    np.testing.assert_allclose([list(s.values()) for s in scores], want, atol=1e-9)
    forwards.clear()
    both, emb = clf.analyse(texts)
    assert len(forwards) == 1
    np.testing.assert_allclose(emb, e5.embed(texts), atol=1e-6)
    for got, expected in zip(both, scores, strict=True):
        np.testing.assert_allclose(list(got.values()), list(expected.values()), atol=1e-9)
    only_e5 = EnsembleClassifier(e5, ngram, 0.0).classify(texts)
    for got, expected in zip(only_e5, e5.classify(texts), strict=True):
        np.testing.assert_allclose(list(got.values()), list(expected.values()), atol=1e-9)
    assert clf.classify([]) == []
    with pytest.raises(ValueError, match="weight"):
        EnsembleClassifier(e5, ngram, -0.1)


def test_ensemble_gives_texts_in_languages_outside_the_corpus_their_own_ngram_weight(
    encoder: Encoder, tiny_head: Path
) -> None:
    e5 = EncoderClassifier(encoder, LogisticHead.load(tiny_head))
    ngram = _tiny_ngram()
    texts = ["policy budget", "hello thanks", LONG]
    clf = EnsembleClassifier(
        e5, ngram, 0.75, unseen=lambda text: text == "hello thanks", unseen_weight=0.25
    )
    got = np.array([list(s.values()) for s in clf.classify(texts)])
    p_e5 = np.array([list(s.values()) for s in e5.classify(texts)])
    p_ng = ngram.scores(texts)
    np.testing.assert_allclose(got[[0, 2]], combine_log_probs(p_e5, p_ng, 0.75)[[0, 2]], atol=1e-9)
    np.testing.assert_allclose(got[1], combine_log_probs(p_e5, p_ng, 0.25)[1], atol=1e-9)
    with pytest.raises(ValueError, match="weight"):
        EnsembleClassifier(e5, ngram, 0.5, unseen=lambda text: True, unseen_weight=2.0)


def test_unseen_language_rule_flags_latin_text_in_languages_the_corpus_lacks() -> None:
    from models.classifier import _unseen_language_rule

    unseen = _unseen_language_rule()
    assert unseen is not None
    assert unseen("Ngiyabonga kakhulu, ngicela ukubuza ngemali yomphakathi") is False  # zu
    assert unseen("Does the ministry plan to cut the budget for partners?") is False
    assert unseen("Mbote na bino banso, nazali na motuna moko mpo na bakambi") is True  # ln
    assert unseen("Magandang hapon po sa inyong lahat, may tanong po ako") is True  # tl
    assert unseen("የሲቪል ማህበራት ህግ") is False  # not Latin: the script rules decide


def test_ensemble_follows_e5_alone_where_the_ngram_model_does_not_know_the_script(
    encoder: Encoder, tiny_head: Path
) -> None:
    e5 = EncoderClassifier(encoder, LogisticHead.load(tiny_head))
    clf = EnsembleClassifier(e5, _tiny_ngram(), 0.5)
    texts = ["policy budget", "ሚኒስቴሩ ምን ያደርጋል?"]
    scores = clf.classify(texts)
    alone = e5.classify(texts)
    assert scores[1] == pytest.approx(alone[1], abs=1e-9)  # not flattened by 1/4-each scores
    assert scores[0] != pytest.approx(alone[0], abs=1e-6)  # a known script is still combined


def test_temperatures_calibrate_e5_alone_and_the_ensemble_without_changing_the_ranking(
    encoder: Encoder, tiny_head: Path
) -> None:
    import dataclasses

    from models.calibration import apply_temperature

    raw_head = LogisticHead.load(tiny_head)
    head = dataclasses.replace(raw_head, temperature=2.0, ensemble_temperature=0.5)
    raw, e5 = EncoderClassifier(encoder, raw_head), EncoderClassifier(encoder, head)
    ngram = _tiny_ngram()
    texts = ["policy budget", "hello thanks", "ሚኒስቴሩ ምን ያደርጋል?"]
    p_raw = raw.proba(texts)
    np.testing.assert_allclose(e5.proba(texts), apply_temperature(p_raw, 2.0), atol=1e-9)
    assert (e5.proba(texts).argmax(axis=1) == p_raw.argmax(axis=1)).all()
    scores = EnsembleClassifier(e5, ngram, 0.5).classify(texts)
    combined = apply_temperature(combine_log_probs(p_raw, ngram.scores(texts), 0.5), 0.5)
    np.testing.assert_allclose([list(s.values()) for s in scores[:2]], combined[:2], atol=1e-9)
    # a script the n-gram model never saw: e5 alone, with e5's own temperature
    np.testing.assert_allclose(list(scores[2].values()), apply_temperature(p_raw, 2.0)[2])
    analysed, _ = EnsembleClassifier(e5, ngram, 0.5).analyse(texts)
    for got, want in zip(analysed, scores, strict=True):
        np.testing.assert_allclose(list(got.values()), list(want.values()), atol=1e-9)


def test_load_classifier_ships_the_ensemble_when_the_head_has_a_weight(
    tiny_folder: Path, tiny_head: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import dataclasses

    weighted = tmp_path / "weighted.npz"
    head = dataclasses.replace(LogisticHead.load(tiny_head), ngram_weight=0.5)
    head.save(weighted)
    assert LogisticHead.load(weighted).ngram_weight == 0.5
    assert LogisticHead.load(tiny_head).ngram_weight is None  # older heads: no ensemble
    ngram_path = tmp_path / "ngram.npz"
    _tiny_ngram(ngram_path)

    clf = load_classifier(str(tiny_folder), head_path=weighted, ngram_path=ngram_path)
    assert isinstance(clf, EnsembleClassifier) and clf.name == "e5+ngram"
    assert clf.ngram_weight == 0.5
    assert load_classifier(str(tiny_folder), head_path=tiny_head).name == "e5"
    caplog.set_level("WARNING")
    alone = load_classifier(str(tiny_folder), head_path=weighted, ngram_path=tmp_path / "none")
    assert alone.name == "e5"
    warnings = [r for r in caplog.records if r.levelname == "WARNING"]
    assert len(warnings) == 1 and "e5 alone" in warnings[0].getMessage()


def test_head_for_another_encoder_is_refused(encoder: Encoder) -> None:
    x, labels = _toy_data(dim=16)
    with pytest.raises(ValueError, match="another encoder"):
        EncoderClassifier(encoder, fit_head(x, labels))


def test_load_classifier_uses_the_encoder_when_it_can(tiny_folder: Path, tiny_head: Path) -> None:
    clf = load_classifier(str(tiny_folder), head_path=tiny_head)
    assert clf.name == "e5"


def test_load_classifier_falls_back_to_ngram_with_one_warning(
    tmp_path: Path,
    tiny_head: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    import models.ngram

    ngram_path = tmp_path / "ngram.npz"
    _tiny_ngram(ngram_path)
    monkeypatch.setattr(models.ngram, "DEFAULT_NGRAM_PATH", ngram_path)
    caplog.set_level("WARNING")
    clf = load_classifier(str(tmp_path / "no-model"), head_path=tiny_head)
    assert clf.name == "ngram"
    warnings = [r for r in caplog.records if r.levelname == "WARNING"]
    assert len(warnings) == 1 and "n-gram baseline" in warnings[0].getMessage()

    missing_head = load_classifier(str(tmp_path / "no-model"), head_path=tmp_path / "none.npz")
    assert missing_head.name == "ngram"
    with pytest.raises(EncoderUnavailable, match="does not exist"):
        load_classifier(str(tmp_path / "no-model"), head_path=tiny_head, fallback=False)


def test_no_fallback_left_is_a_clear_error(
    tmp_path: Path, tiny_head: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import models.ngram

    monkeypatch.setattr(models.ngram, "DEFAULT_NGRAM_PATH", tmp_path / "gone.npz")
    with pytest.raises(EncoderUnavailable, match="n-gram baseline cannot be loaded"):
        load_classifier(str(tmp_path / "no-model"), head_path=tiny_head)


# ----------------------------------------------------------------------------- train / evaluate


def _write_corpus(folder: Path) -> Path:
    """Two languages x four themes x four templates x two paraphrases, as jsonl files."""
    import json

    words = {
        "policy": "policy budget",
        "civic": "civic activist",
        "system": "system partner",
        "other": "hello thanks slides",
    }
    folder.mkdir()
    for lang in ("en", "nl"):
        lines = []
        for theme, keywords in words.items():
            for t in range(4):
                for style, extra in (("formal", "the"), ("chat", "a")):
                    text = f"{keywords} {extra} {'abcdefgh'[t]}{lang}"
                    template = f"{lang}-{theme}-{t:03d}"
                    row = {"text": text, "theme": theme, "lang": lang, "template": template}
                    lines.append(json.dumps(row | {"style": style}))
        (folder / f"{lang}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_train_evaluate_and_model_card(encoder: Encoder, tmp_path: Path) -> None:
    from models.train import (
        ENSEMBLE_WEIGHTS,
        evaluate_all,
        format_report,
        train_all,
        write_model_card,
    )

    corpus = _write_corpus(tmp_path / "corpus")
    summary = train_all(tmp_path / "heads", corpus_dir=corpus, encoder=encoder)
    assert summary["examples"] == 64
    head = LogisticHead.load(tmp_path / "heads" / "e5_head.npz")
    assert head.layers == tuple(summary["layers"])
    assert head.ngram_weight == summary["ngram_weight"]
    assert head.ngram_weight in ENSEMBLE_WEIGHTS
    assert set(summary["ensemble_cv_macro_f1"]) == {f"w={w:g}" for w in ENSEMBLE_WEIGHTS}
    assert (tmp_path / "heads" / "ngram.npz").is_file()
    again = train_all(tmp_path / "heads2", corpus_dir=corpus, encoder=encoder)
    assert (again["l2"], again["ngram_weight"]) == (summary["l2"], summary["ngram_weight"])
    np.testing.assert_array_equal(
        LogisticHead.load(tmp_path / "heads2" / "e5_head.npz").weights, head.weights
    )

    fresh = _write_corpus(tmp_path / "fresh")
    report = evaluate_all(
        corpus_dir=corpus, encoder=encoder, test_fraction=0.25, repeats=2, fresh_dir=fresh
    )
    assert report["fresh"]["n"] == 64 and report["fresh"]["verbatim_in_corpus"] == 64
    assert set(report["fresh"]["ensemble"]["by_lang"]) == {"en", "nl"}
    no_fresh = evaluate_all(
        corpus_dir=corpus, encoder=encoder, repeats=1, lolo=False, fresh_dir=tmp_path / "none"
    )
    assert "fresh" not in no_fresh
    assert set(report["heldout"]) == {"e5", "ngram", "ensemble", "zero_shot"}
    assert report["heldout"]["ensemble"]["ngram_weight"] in ENSEMBLE_WEIGHTS
    assert set(report["lolo"]) == {"en", "nl"}
    assert set(report["lolo"]["nl"]) == {"n", "e5", "ngram", "ensemble"}
    assert report["split"]["train"] + report["split"]["test"] == 64
    assert 0.0 <= report["heldout"]["e5"]["all"]["macro_f1"] <= 1.0
    assert report["repeats"]["seeds"] == [0, 1]
    text = format_report(report)
    for needle in ("e5", "ngram", "ensemble", "zero_shot", "leave-one-language-out", "seeds 0-1"):
        assert needle in text
    card = write_model_card(report, tmp_path / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "## Intended use" in card and "| nl |" in card
    assert "e5 + n-gram ensemble" in card and "How the ensemble came about" in card
    assert "## Performance" in card
    assert "### Fresh held-out set" in card and "64 text(s) verbatim" in card
    assert "fresh held-out set (64 messages" in text
