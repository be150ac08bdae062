"""Export a converted encoder folder to ONNX: every pooled hidden state in one graph.

Runs once per machine, in the child process that :mod:`models.onnx_engine` starts (it needs
torch and onnx; the process that serves questions then needs neither). The graph takes the
word-embedding rows (looked up outside, from the file: the 250k-row table stays out of the
graph and out of memory) and the attention mask, and returns the mean-pooled, L2-normalised
hidden state of every layer, ``(rows, layers + 1, hidden)``; pooling the 13 states costs
little next to the 12 layers, and any head's layer choice then works with the same file.
The int8 file is the same graph after ONNX Runtime's dynamic quantisation of the MatMuls.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

import torch

from models.encoder import LeanBert, load_lean_bert

log = logging.getLogger(__name__)

OPSET = 17


class PooledStates(torch.nn.Module):
    """``LeanBert`` from word rows to the pooled, normalised state of every layer (float32)."""

    def __init__(self, bert: LeanBert) -> None:
        super().__init__()
        self.bert = bert

    def forward(self, rows: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        bert = self.bert
        width = rows.shape[1]
        x = rows + bert.token_type_embeddings[0]
        x = bert.embed_norm(x + bert.position_embeddings[:width])
        weights = mask.unsqueeze(-1).to(torch.float32)
        counts = weights.sum(dim=1).clamp(min=1.0)
        attn = mask.bool()[:, None, None, :]
        pooled = [_pool(x, weights, counts)]
        for layer in bert.layers:
            x = layer(x, attn)
            pooled.append(_pool(x, weights, counts))
        return torch.stack(pooled, dim=1)


def _pool(x: torch.Tensor, weights: torch.Tensor, counts: torch.Tensor) -> torch.Tensor:
    mean = (x * weights).sum(dim=1) / counts
    return torch.nn.functional.normalize(mean, p=2.0, dim=-1)


def export_fp32(folder: Path, out: Path) -> Path:
    """Write the float32 graph of the converted ``folder`` to ``out`` (one self-contained file)."""
    bert = load_lean_bert(folder, half_embeddings=True, linear_dtype=torch.float32)
    graph = PooledStates(bert).eval()
    h = bert.config.hidden_size
    rows = torch.randn(2, 7, h)
    mask = torch.tensor([[1] * 7, [1] * 4 + [0] * 3], dtype=torch.int64)
    with torch.inference_mode():
        torch.onnx.export(
            graph,
            (rows, mask),
            str(out),
            input_names=["rows", "mask"],
            output_names=["pooled"],
            dynamic_axes={"rows": {0: "batch", 1: "width"}, "mask": {0: "batch", 1: "width"}},
            opset_version=OPSET,
            dynamo=False,
            do_constant_folding=True,
        )
    return out


def quantize_int8(fp32: Path, out: Path) -> Path:
    """Dynamic int8 quantisation (weights per output channel, activations per batch)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(
        str(fp32),
        str(out),
        weight_type=QuantType.QInt8,
        per_channel=True,
        op_types_to_quantize=["MatMul"],
    )
    return out


def export_all(folder: Path, fp32_name: str, int8_name: str) -> dict[str, str]:
    """Both files into ``folder`` (written under temporary names, then renamed into place).

    Returns ``{"fp32": name, "int8": name}`` for the files written; an int8 failure leaves the
    float32 file (logged, the ``"int8_error"`` key says why).
    """
    started = time.perf_counter()
    written: dict[str, str] = {}
    tmp = folder / f".{fp32_name}.tmp"
    export_fp32(folder, tmp)
    os.replace(tmp, folder / fp32_name)
    written["fp32"] = fp32_name
    tmp = folder / f".{int8_name}.tmp"
    try:
        quantize_int8(folder / fp32_name, tmp)
        os.replace(tmp, folder / int8_name)
        written["int8"] = int8_name
    except Exception as exc:  # an old onnxruntime without the quantiser: fp32 still works
        tmp.unlink(missing_ok=True)
        written["int8_error"] = f"{type(exc).__name__}: {exc}"
        log.warning("int8 quantisation of %s failed: %s", fp32_name, exc)
    log.info("exported %s to ONNX in %.1f s", folder, time.perf_counter() - started)
    return written
