"""The torch-free parts of the lean encoder backend: tokenizer, word-embedding rows, batching.

:class:`UnigramTokenizer` and :class:`FileRows` serve both engines: the torch one
(:mod:`models.encoder`) and the ONNX Runtime one (:mod:`models.onnx_engine`), which must be able
to answer without importing torch at all (``import torch`` alone takes seconds on a cold start).
"""

from __future__ import annotations

import array
import itertools
import json
import os
import re
import struct
import threading
import weakref
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, overload

import numpy as np

WORD_TABLE = "embeddings.word_embeddings.weight"
_ST_DTYPES = {"F16": np.float16, "F32": np.float32}


def check_texts(texts: Sequence[str]) -> None:
    """Refuse a bare string where a sequence of texts is expected."""
    if isinstance(texts, str):
        raise TypeError("pass a sequence of texts, not a single string")


def token_budget(rows: np.ndarray, ids: list[list[int]], budget: int) -> Iterator[np.ndarray]:
    """Split length-sorted ``rows`` so that rows x longest length <= ``budget``.

    Rows are independent (attention is masked per row), so this bounds activation memory
    without changing results beyond float rounding.
    """
    start = 0
    while start < len(rows):
        stop = start + 1
        while stop < len(rows) and (stop + 1 - start) * len(ids[rows[stop]]) <= budget:
            stop += 1
        yield rows[start:stop]
        start = stop


def pad_batch(batch: list[list[int]], pad_id: int) -> tuple[np.ndarray, np.ndarray]:
    """Right-padded int64 ids ``(rows, width)`` and the int64 attention mask (1 = real token).

    Right padding keeps absolute positions 0..n-1 for every row.
    """
    width = max(len(x) for x in batch)
    padded = np.full((len(batch), width), pad_id, dtype=np.int64)
    mask = np.zeros((len(batch), width), dtype=np.int64)
    for row, ids in enumerate(batch):
        padded[row, : len(ids)] = ids
        mask[row, : len(ids)] = 1
    return padded, mask


def safetensors_header(path: Path) -> tuple[dict[str, Any], int]:
    """The JSON header of a safetensors file (without ``__metadata__``) and where data starts."""
    with path.open("rb") as fh:
        (header_len,) = struct.unpack("<Q", fh.read(8))
        header = json.loads(fh.read(header_len))
    header.pop("__metadata__", None)
    return header, 8 + header_len


def word_rows(path: Path, name: str = WORD_TABLE) -> FileRows:
    """A :class:`FileRows` over the word-embedding table ``name`` of a safetensors file."""
    header, base = safetensors_header(path)
    entry = header[name]
    shape = (int(entry["shape"][0]), int(entry["shape"][1]))
    dtype = np.dtype(_ST_DTYPES[entry["dtype"]])
    return FileRows(path, base + int(entry["data_offsets"][0]), shape, dtype)


class PieceIds:
    """``piece -> id`` for a tokenizer's pieces, compact: the UTF-8 pieces in one blob and an
    open-addressing table of their hashes and ids (arrays). For the encoder's 250,000 pieces
    this holds about 13 MB where a ``dict`` of ``str`` held about 40 MB, for the whole life of
    the process (a lookup costs about a microsecond instead of a tenth of one; the tokenizer
    remembers the words it has split, so few lookups are made). A hash match is confirmed on
    the piece itself, so answers are exactly a dict's; a repeated piece maps to its last id.
    """

    def __init__(self, blob: bytes, offsets: Sequence[int] | np.ndarray) -> None:
        """Piece ``i`` is ``blob[offsets[i]:offsets[i + 1]]`` (UTF-8)."""
        self._blob = blob
        self._offsets = array.array("q")
        self._offsets.frombytes(np.asarray(offsets, dtype=np.int64).tobytes())
        n = len(self._offsets) - 1
        size = 1 << max(4, (2 * n).bit_length())  # at most half full
        self._mask = size - 1
        self._hashes = array.array("q", bytes(8 * size))
        self._slots = array.array("i", [-1]) * size
        self.max_chars = 0
        for i in range(n):  # one piece decoded at a time: no list of 250,000 strings
            piece = self.piece(i)
            slot = self._find(piece)
            self._hashes[slot] = hash(piece)
            self._slots[slot] = i
            self.max_chars = max(self.max_chars, len(piece))

    @classmethod
    def from_pieces(cls, pieces: Sequence[str]) -> PieceIds:
        """The table of a list of pieces."""
        encoded = [p.encode("utf-8") for p in pieces]
        return cls(b"".join(encoded), list(itertools.accumulate(map(len, encoded), initial=0)))

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def piece(self, i: int) -> str:
        """The piece of id ``i``."""
        if not 0 <= i < len(self):
            raise IndexError(f"piece id {i} out of range")
        return self._blob[self._offsets[i] : self._offsets[i + 1]].decode("utf-8")

    def _find(self, piece: str) -> int:
        """The slot holding ``piece``, or the empty slot where it would go."""
        h = hash(piece)
        mask, hashes, slots = self._mask, self._hashes, self._slots
        slot = h & mask
        while True:
            found = slots[slot]
            if found < 0 or (hashes[slot] == h and self.piece(found) == piece):
                return slot
            slot = (slot + 1) & mask

    @overload
    def get(self, piece: str) -> int | None: ...
    @overload
    def get(self, piece: str, default: int) -> int: ...
    def get(self, piece: str, default: int | None = None) -> int | None:
        """The id of ``piece``, else ``default``."""
        found = self._slots[self._find(piece)]
        return default if found < 0 else found


_UNK_PENALTY = 10.0  # tokenizers' K_UNK_PENALTY: unknown characters score min_score - 10
_WORD_CACHE = 50_000  # pre-tokenised words remembered by the lean tokenizer


class UnigramTokenizer:
    """A SentencePiece-Unigram tokenizer with the same ids as the converted ``tokenizer.json``.

    Mirrors the ``tokenizers`` pipeline ``models.convert.build_tokenizer`` writes: special
    tokens split off the raw text (leftmost-longest), Precompiled + ``" {2,}" -> " "``
    normalisation, Metaspace pre-tokenisation (``prepend_scheme="always"``, split), Viterbi
    (ties keep the first candidate, unknown characters score ``min - 10`` and consecutive
    unknowns are fused), ``<s> ... </s>`` around the result, right truncation. Covers the calls
    :class:`Encoder` makes of a transformers tokenizer.
    """

    def __init__(
        self,
        pieces: Sequence[str] | PieceIds,
        scores: Sequence[float],
        *,
        bos: int,
        eos: int,
        pad: int,
        unk: int,
        mask: int | None,
        charsmap: bytes,
        model_max_length: int,
    ) -> None:
        from tokenizers import Regex, normalizers, pre_tokenizers

        # last duplicate wins, as in Rust
        self._ids = pieces if isinstance(pieces, PieceIds) else PieceIds.from_pieces(pieces)
        self._scores = array.array("d", scores)  # 2 MB; a list of 250k floats is 8 MB
        self._unk_score = min(self._scores) - _UNK_PENALTY
        self._max_chars = self._ids.max_chars
        self.bos_token_id, self.eos_token_id, self.pad_token_id = bos, eos, pad
        self.unk_token_id = unk
        self.mask_token_id = mask
        self.model_max_length = model_max_length
        special_ids = [bos, eos, pad, unk] + ([mask] if mask is not None else [])
        self._special_ids = {self._ids.piece(i): i for i in special_ids}
        alternatives = sorted(self._special_ids, key=len, reverse=True)  # leftmost-longest
        self._special_re = re.compile("|".join(re.escape(t) for t in alternatives))
        self._normalizer = normalizers.Sequence(
            [normalizers.Precompiled(charsmap), normalizers.Replace(Regex(" {2,}"), " ")]
        )
        self._pre = pre_tokenizers.Metaspace("\u2581", prepend_scheme="always", split=True)
        self._cache: dict[str, list[int]] = {}

    @classmethod
    def from_file(cls, path: Path) -> UnigramTokenizer:
        """Read a ``baraza-unigram.npz`` written by :func:`models.convert.write_unigram`."""
        with np.load(path, allow_pickle=False) as data:
            blob = data["pieces"].tobytes()
            offsets = np.asarray(data["offsets"])
            scores = array.array("d", data["scores"].astype(np.float64).tobytes())
            bos, eos, pad, unk, mask = (int(v) for v in data["specials"])
            charsmap = data["charsmap"].tobytes()
            max_positions = int(data["max_positions"])
        return cls(
            PieceIds(blob, offsets),
            scores,
            bos=bos,
            eos=eos,
            pad=pad,
            unk=unk,
            mask=mask if mask >= 0 else None,
            charsmap=charsmap,
            model_max_length=max_positions,
        )

    def __len__(self) -> int:
        return len(self._ids)

    def __call__(
        self,
        text: str | Sequence[str],
        *,
        add_special_tokens: bool = True,
        truncation: bool = False,
        max_length: int | None = None,
        return_tensors: str | None = None,
    ) -> dict[str, Any]:
        """``{"input_ids", "attention_mask"}`` like a transformers tokenizer (no padding)."""
        single = isinstance(text, str)
        texts = [text] if isinstance(text, str) else list(text)
        rows = [self.encode(t, add_special_tokens=add_special_tokens) for t in texts]
        if truncation:
            limit = self.model_max_length if max_length is None else max_length
            keep = max(0, limit - (2 if add_special_tokens else 0))
            for i, ids in enumerate(rows):
                if len(ids) > limit:
                    body = ids[1:-1] if add_special_tokens else ids
                    rows[i] = [ids[0], *body[:keep], ids[-1]] if add_special_tokens else body[:keep]
        if return_tensors == "pt":
            import torch  # only the transformers-style callers ask for tensors

            if len({len(r) for r in rows}) > 1:
                raise ValueError("rows differ in length; this tokenizer does not pad")
            ids_t = torch.tensor(rows, dtype=torch.long)
            return {"input_ids": ids_t, "attention_mask": torch.ones_like(ids_t)}
        if return_tensors is not None:
            raise ValueError(f"return_tensors={return_tensors!r} is not supported")
        masks = [[1] * len(r) for r in rows]
        if single:
            return {"input_ids": rows[0], "attention_mask": masks[0]}
        return {"input_ids": rows, "attention_mask": masks}

    def encode(self, text: str, *, add_special_tokens: bool = True) -> list[int]:
        """Token ids of one text (no truncation)."""
        ids: list[int] = [self.bos_token_id] if add_special_tokens else []
        start = 0
        for match in self._special_re.finditer(text):
            self._encode_segment(text[start : match.start()], ids)
            ids.append(self._special_ids[match.group()])
            start = match.end()
        self._encode_segment(text[start:], ids)
        if add_special_tokens:
            ids.append(self.eos_token_id)
        return ids

    def convert_ids_to_tokens(self, ids: int | Sequence[int]) -> Any:
        if isinstance(ids, int):
            return self._ids.piece(ids)
        return [self._ids.piece(int(i)) for i in ids]

    def _encode_segment(self, segment: str, out: list[int]) -> None:
        if not segment:
            return
        normalized = self._normalizer.normalize_str(segment)
        cache = self._cache
        for word, _ in self._pre.pre_tokenize_str(normalized):
            hit = cache.get(word)
            if hit is None:
                hit = self._viterbi(word)
                if len(cache) >= _WORD_CACHE:
                    cache.clear()
                cache[word] = hit
            out.extend(hit)

    def _viterbi(self, word: str) -> list[int]:
        """``tokenizers``' ``Unigram::encode_optimized`` on one word, then the id lookup."""
        n = len(word)
        if n == 0:
            return []
        ids, scores, unk = self._ids, self._scores, self.unk_token_id
        best = [0.0] * (n + 1)
        start_at = [-1] * (n + 1)
        node_id = [0] * (n + 1)
        for start in range(n):
            base = best[start]
            single = False
            for end in range(start + 1, min(n, start + self._max_chars) + 1):
                pid = ids.get(word[start:end])
                if pid is None:
                    continue
                score = scores[pid] + base
                if start_at[end] < 0 or score > best[end]:
                    best[end], start_at[end], node_id[end] = score, start, pid
                if end == start + 1:
                    single = True
            if not single:
                score = self._unk_score + base
                end = start + 1
                if start_at[end] < 0 or score > best[end]:
                    best[end], start_at[end], node_id[end] = score, start, unk
        pieces: list[str] = []
        unknown: list[str] = []
        end = n
        while end > 0:
            start = start_at[end]
            if node_id[end] == unk:
                unknown.append(word[start:end])
            else:
                if unknown:
                    pieces.append("".join(reversed(unknown)))
                    unknown = []
                pieces.append(word[start:end])
            end = start
        if unknown:
            pieces.append("".join(reversed(unknown)))
        return [ids.get(p, unk) for p in reversed(pieces)]


class FileRows:
    """Rows of an embedding table read from its file on demand (``pread``), with a row cache.

    A memory map of the table would cost no memory until touched, but the kernel maps pages
    around every faulting page ("fault-around", 64 kB), so scattered lookups soon make the
    whole table (192 MB) resident and count towards the process's RSS. Read with ``pread``, the
    bytes go through the page cache (shared, not this process's RSS) and only the rows in use
    are kept: up to ``capacity`` of them, then the cache starts over.
    """

    def __init__(
        self,
        path: Path,
        offset: int,
        shape: tuple[int, int],
        dtype: np.dtype,
        capacity: int = 16_384,
    ) -> None:
        self.shape = shape
        self.dtype = np.dtype(dtype)
        self._offset = offset
        self._row_bytes = shape[1] * self.dtype.itemsize
        self._fd = os.open(path, os.O_RDONLY)
        self._closer = weakref.finalize(self, os.close, self._fd)
        self._slot = np.full(shape[0], -1, dtype=np.int64)  # token id -> cache row, -1: none
        self._cache = np.zeros((min(capacity, shape[0]), shape[1]), dtype=self.dtype)
        self._used = 0
        self._lock = threading.Lock()

    def lookup(self, ids: Any) -> Any:
        """``table[ids]`` for a torch tensor of ids, as a tensor in the stored dtype."""
        import torch

        return torch.from_numpy(self.rows(ids.numpy()))

    def rows(self, ids: np.ndarray) -> np.ndarray:
        """``table[ids]`` as an array of shape ``ids.shape + (dim,)`` in the stored dtype."""
        flat = np.asarray(ids).reshape(-1)
        if flat.size and (flat.min() < 0 or flat.max() >= self.shape[0]):
            raise IndexError(f"token id out of range for a table of {self.shape[0]} rows")
        with self._lock:
            missing = np.unique(flat[self._slot[flat] < 0])
            if self._used + len(missing) > len(self._cache):
                self._slot[:] = -1  # full: start over with the rows of this batch
                self._used = 0
                missing = np.unique(flat)
                if len(missing) > len(self._cache):  # one batch needs more rows: grow
                    self._cache = np.zeros((len(missing), self.shape[1]), dtype=self.dtype)
            for token in missing.tolist():
                data = os.pread(self._fd, self._row_bytes, self._offset + token * self._row_bytes)
                if len(data) != self._row_bytes:
                    raise OSError(f"embedding table truncated at row {token}")
                self._cache[self._used] = np.frombuffer(data, dtype=self.dtype)
                self._slot[token] = self._used
                self._used += 1
            rows = self._cache[self._slot[flat]]  # a copy: later batches may reuse the slots
        return rows.reshape(*np.shape(ids), self.shape[1])


class BatchedEncoder:
    """The front both encoder engines share (torch in :mod:`models.encoder`, ONNX Runtime in
    :mod:`models.onnx_engine`): input checks, tokenising, length-sorted batching under a token
    budget, and the output layout. An engine gives :meth:`_forward` and :meth:`_batches`, and may
    check the layers it can give in :meth:`_check_layers`. Blocking and thread-safe."""

    tokenizer: Any
    prefix: str
    max_length: int
    dim: int
    _lock: threading.Lock

    def token_ids(self, texts: Sequence[str]) -> list[list[int]]:
        """Token ids of ``prefix + text`` for each text, with specials, truncated to max_length."""
        check_texts(texts)
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
        check_texts(texts)
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        layers = tuple(layers)
        if not layers:
            raise ValueError("at least one layer is needed")
        self._check_layers(layers)
        out = np.zeros((len(texts), self.dim * len(layers)), dtype=np.float32)
        if not texts:
            return out
        with self._lock:
            ids = self._token_ids(texts)
            order = np.argsort([len(x) for x in ids], kind="stable")
            for start in range(0, len(order), batch_size):
                for rows in self._batches(order[start : start + batch_size], ids):
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

    def _check_layers(self, layers: tuple[int, ...]) -> None:
        """Raise when the engine cannot give these layers (before any work)."""

    def _batches(self, rows: np.ndarray, ids: list[list[int]]) -> Iterator[np.ndarray]:
        """``rows`` (indices into ``ids``, sorted by length) split into forward passes."""
        raise NotImplementedError

    def _forward(self, batch: list[list[int]], layers: tuple[int, ...]) -> np.ndarray:
        """Float32 ``(len(batch), dim * len(layers))`` for one batch of token ids."""
        raise NotImplementedError
