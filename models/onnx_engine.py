"""The encoder on ONNX Runtime: same features as :class:`models.encoder.Encoder`, without torch.

:func:`ensure_onnx` exports a converted folder (:mod:`models.convert`) to ONNX once, in a child
process (:mod:`models.onnx_export` needs torch and onnx), and keeps the files beside the
converted weights: ``encoder-pooled.onnx`` (float32, embeddings equal to the torch path within
float rounding) and ``encoder-pooled-int8.onnx`` (dynamic int8 MatMuls). :class:`OnnxEncoder`
runs them with ONNX Runtime on the CPU; importing this module and answering a question never
imports torch, so a fresh process answers its first question in well under a second once the
files exist. The interface is the part of ``Encoder`` the classifier and training use:
``name``, ``dim``, ``num_layers``, ``token_ids``, ``embed`` and ``features``.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import numpy as np

from models.convert import UNIGRAM_NAME, EncoderUnavailable, _file_lock
from models.lean import (
    BatchedEncoder,
    FileRows,
    UnigramTokenizer,
    pad_batch,
    token_budget,
    word_rows,
)

log = logging.getLogger(__name__)

Variant = Literal["fp32", "int8"]
FP32_NAME = "encoder-pooled.onnx"
INT8_NAME = "encoder-pooled-int8.onnx"
ONNX_MARKER = "baraza-onnx.json"
#: Bump when :mod:`models.onnx_export` writes a different graph, so cached files are rebuilt.
EXPORT_VERSION = 1
QUERY_PREFIX = "query: "
MAX_LENGTH = 128
#: rows x padded width per run (activation memory), as ``models.encoder.MAX_BATCH_TOKENS``.
MAX_BATCH_TOKENS = 1024


def onnxruntime_available() -> bool:
    """True when ``onnxruntime`` can be imported (found, not imported here)."""
    import importlib.util

    return importlib.util.find_spec("onnxruntime") is not None


def ensure_onnx(folder: Path) -> dict[str, Any]:
    """The ONNX marker of ``folder``, exporting first (in a child process) if there is none.

    The marker records what the export wrote (``{"fp32": ..., "int8": ...}``) or why it failed
    (``"error"``); a failure is remembered, so a machine where the export cannot work does not
    retry it on every start (delete the marker to retry). Raises :class:`EncoderUnavailable`
    when there is no usable float32 file.
    """
    marker = _read_marker(folder)
    if marker is None:
        with _file_lock(folder.parent / ".convert.lock"):
            marker = _read_marker(folder)
            if marker is None:
                marker = _export_in_child(folder)
                (folder / ONNX_MARKER).write_text(json.dumps(marker, indent=2) + "\n")
    if "error" in marker or not (folder / str(marker.get("fp32", FP32_NAME))).is_file():
        raise EncoderUnavailable(
            f"no ONNX export in {folder}: {marker.get('error', 'file missing')}"
        )
    return marker


def _read_marker(folder: Path) -> dict[str, Any] | None:
    try:
        marker = json.loads((folder / ONNX_MARKER).read_text())
    except (OSError, ValueError):
        return None
    if not isinstance(marker, dict) or marker.get("export_version") != EXPORT_VERSION:
        return None
    return marker


def _export_in_child(folder: Path) -> dict[str, Any]:
    """Run :func:`models.onnx_export.export_all` in a child process; the outcome as a marker.

    A plain ``python -c`` child (not multiprocessing): it needs no ``__main__`` guard in
    whatever script loaded us, and its memory (torch, the exporter) is gone when it exits.
    """
    import subprocess
    import sys

    marker: dict[str, Any] = {"export_version": EXPORT_VERSION}
    started = time.perf_counter()
    package_root = str(Path(__file__).resolve().parents[1])  # this checkout's models/
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, env.get("PYTHONPATH")]))
    code = (
        "import json, sys; from pathlib import Path; from models.onnx_export import export_all;"
        f" print(json.dumps(export_all(Path(sys.argv[1]), {FP32_NAME!r}, {INT8_NAME!r})))"
    )
    try:
        done = subprocess.run(
            [sys.executable, "-c", code, str(folder)],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["no output"])[-1]
            raise RuntimeError(f"the export process exited with {done.returncode}: {last}")
        marker |= json.loads(done.stdout.strip().splitlines()[-1])
    except (OSError, RuntimeError, ValueError, IndexError) as exc:
        log.warning("cannot export the encoder to ONNX (%s); using torch", exc)
        marker["error"] = str(exc)
        return marker
    log.info("exported %s to ONNX in %.1f s", folder.name, time.perf_counter() - started)
    return marker


#: ``/proc/cpuinfo`` flags that mean native bfloat16 matrix instructions.
BF16_FLAGS = frozenset({"avx512_bf16", "amx_bf16", "amx_tile"})


def cpu_flags() -> frozenset[str] | None:
    """The CPU's feature flags from ``/proc/cpuinfo`` (first processor); ``None`` where there is
    no such file (not Linux). Read without importing torch."""
    try:
        text = Path("/proc/cpuinfo").read_text(errors="replace")
    except OSError:
        return None
    for line in text.splitlines():
        if line.startswith("flags"):
            return frozenset(line.partition(":")[2].split())
    return frozenset()


def native_bfloat16(flags: frozenset[str] | None = None) -> bool:
    """True when the CPU multiplies bfloat16 matrices in hardware (AVX512-BF16 or AMX).

    Decided from ``flags`` (default: :func:`cpu_flags`), so that choosing an engine does not
    import torch; the same flags ``models.encoder.bfloat16_is_native`` asks torch about. Where
    there are no flags to read (not Linux) torch is asked.
    """
    flags = cpu_flags() if flags is None else flags
    if flags is None:
        from models.encoder import bfloat16_is_native

        return bfloat16_is_native()
    return bool(flags & BF16_FLAGS)


def default_num_threads() -> int:
    """Intra-op threads: the CPUs this process may use, at most 4 (as the torch path)."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, 4))


class OnnxEncoder(BatchedEncoder):
    """A converted encoder run by ONNX Runtime; :meth:`features` is blocking and thread-safe."""

    def __init__(
        self,
        session: Any,
        tokenizer: UnigramTokenizer,
        rows: FileRows,
        *,
        name: str,
        num_layers: int,
        max_length: int = MAX_LENGTH,
        prefix: str = QUERY_PREFIX,
        variant: Variant = "fp32",
    ) -> None:
        self.session = session
        #: which file runs: ``fp32`` or ``int8`` (the classifier picks the head trained on it)
        self.variant: Variant = variant
        self.tokenizer = tokenizer
        self.rows = rows
        self.name = name
        self.num_layers = num_layers
        self.dim = int(rows.shape[1])
        self.max_length = min(max_length, int(tokenizer.model_max_length))
        self.prefix = prefix
        self.pad_id = int(tokenizer.pad_token_id)
        self._lock = threading.Lock()

    @classmethod
    def load(
        cls,
        folder: Path,
        variant: Variant = "fp32",
        *,
        num_threads: int | None = None,
        name: str | None = None,
        export: bool = True,
    ) -> OnnxEncoder:
        """Load the ONNX encoder of a converted ``folder`` (exporting it first if ``export``).

        Raises :class:`EncoderUnavailable` when onnxruntime is missing, the export failed or the
        ``variant`` file is not there; the caller then falls back to torch.
        """
        if variant not in ("fp32", "int8"):
            raise ValueError(f"variant must be 'fp32' or 'int8', not {variant!r}")
        started = time.perf_counter()
        if not onnxruntime_available():
            raise EncoderUnavailable("onnxruntime is not installed")
        marker = ensure_onnx(folder) if export else (_read_marker(folder) or {})
        file = marker.get(variant)
        if not file or not (folder / str(file)).is_file():
            why = marker.get("int8_error") or marker.get("error") or "not exported"
            raise EncoderUnavailable(f"no {variant} ONNX file in {folder}: {why}")
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = num_threads or default_num_threads()
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        # Idle worker threads would spin for the next run: on a shared 2-core machine that
        # takes CPU from everything else (and from us under contention).
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        # Batches vary in shape (rows x padded width): a memory pattern is planned and kept
        # per shape, and its block stays in the arena. Off, the first batch's peak is about
        # 50 MB lower and the RSS no longer creeps up with each new shape (no slower here).
        options.enable_mem_pattern = False
        options.log_severity_level = 3
        try:
            session = ort.InferenceSession(
                str(folder / str(file)), options, providers=["CPUExecutionProvider"]
            )
        except Exception as exc:  # a damaged file: say which
            raise EncoderUnavailable(f"cannot load {folder / str(file)}: {exc}") from exc
        config = json.loads((folder / "config.json").read_text())
        encoder = cls(
            session,
            UnigramTokenizer.from_file(folder / UNIGRAM_NAME),
            word_rows(folder / "model.safetensors"),
            name=name or f"{folder.name} [onnx-{variant}]",
            num_layers=int(config["num_hidden_layers"]),
            variant=variant,
        )
        log.info(
            "loaded ONNX encoder %s in %.2f s (%d threads)",
            encoder.name,
            time.perf_counter() - started,
            options.intra_op_num_threads,
        )
        return encoder

    def _check_layers(self, layers: tuple[int, ...]) -> None:
        n = self.num_layers + 1
        if any(not -n <= layer < n for layer in layers):
            raise IndexError(f"layers {layers} out of range for {self.num_layers} layers")

    def _batches(self, rows: np.ndarray, ids: list[list[int]]) -> Iterator[np.ndarray]:
        return token_budget(rows, ids, MAX_BATCH_TOKENS)

    def _forward(self, batch: list[list[int]], layers: tuple[int, ...]) -> np.ndarray:
        pick = [layer % (self.num_layers + 1) for layer in layers]
        return self._run(batch)[:, pick].reshape(len(batch), -1)

    def _run(self, batch: list[list[int]]) -> np.ndarray:
        """Pooled states ``(rows, layers + 1, dim)`` of one padded batch."""
        ids, mask = pad_batch(batch, self.pad_id)
        rows = self.rows.rows(ids).astype(np.float32)
        (pooled,) = self.session.run(None, {"rows": rows, "mask": mask})
        return np.asarray(pooled, dtype=np.float32)
