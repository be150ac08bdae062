"""py3langid's model with its two big tables read from a file on demand, not held in memory.

py3langid's ``LanguageIdentifier.from_model_file`` keeps its whole model resident: the DFA
transition table (39 MB of uint32) and the feature x language table (28 MB of float16), 73 MB
of the import's RSS, though the bot only asks py3langid about a few texts in a hundred (other
scripts, Latin-script languages our own model lacks). :func:`load_identifier` decompresses the
shipped model once into the user's cache folder and gives the same ``LanguageIdentifier``
two table views that read the entries a text needs with ``pread``: the bytes go through the
page cache (shared and reclaimable, not this process's RSS) and the answers are the same
numbers (the same float16 rows, the same transitions). A text costs about a hundred small reads
(about 0.1 ms). The small parts (class priors, labels, the state -> row and state -> feature
maps) stay in memory as compact arrays.
"""

from __future__ import annotations

import array
import contextlib
import lzma
import os
import shutil
import struct
import tempfile
import zipfile
from pathlib import Path
from typing import IO, Any

import numpy as np
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

__all__ = ["FileTable", "default_cache_dir", "load_identifier"]

_LOCAL_HEADER = struct.Struct("<4s5H3L2H")  # a zip member's local file header (30 bytes)


class FileTable:
    """A read-only C-order 1-D or 2-D array inside a file, read with ``pread`` per access.

    Supports what py3langid does with its tables: ``table[i]`` for one int (a 1-D table's
    entry, a 2-D table's row) and ``table[ids]`` for an integer array (those rows, stacked).
    """

    def __init__(
        self, handle: IO[bytes], offset: int, shape: tuple[int, ...], dtype: np.dtype
    ) -> None:
        if len(shape) not in (1, 2):
            raise ValueError(f"a FileTable is 1-D or 2-D, not {shape}")
        self._handle = handle  # kept open as long as a table reads it
        self._fd = handle.fileno()
        self._offset = offset
        self.shape = shape
        self.dtype = np.dtype(dtype)
        self._row_bytes = (shape[1] if len(shape) == 2 else 1) * self.dtype.itemsize

    def __len__(self) -> int:
        return self.shape[0]

    def _read(self, index: int) -> bytes:
        if not 0 <= index < self.shape[0]:
            raise IndexError(f"index {index} out of range for {self.shape[0]} rows")
        data = os.pread(self._fd, self._row_bytes, self._offset + index * self._row_bytes)
        if len(data) != self._row_bytes:
            raise OSError(f"table truncated at row {index}")
        return data

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, int | np.integer):
            data = self._read(int(index))
            if len(self.shape) == 1:
                if self.dtype.kind in "iu":
                    big = self.dtype.byteorder == ">"
                    return int.from_bytes(
                        data, "big" if big else "little", signed=self.dtype.kind == "i"
                    )
                return np.frombuffer(data, dtype=self.dtype)[0]
            return np.frombuffer(data, dtype=self.dtype)
        ids = np.asarray(index).reshape(-1).tolist()
        out = np.frombuffer(b"".join(self._read(int(i)) for i in ids), dtype=self.dtype)
        return out.reshape(len(ids), *self.shape[1:])


def load_identifier(norm_probs: bool = True, cache_dir: Path | None = None) -> LanguageIdentifier:
    """py3langid's shipped model (``norm_probs`` as its own loader) with file-backed tables.

    The decompressed model (80 MB) is kept in ``cache_dir`` (default
    ``<user cache>/baraza/py3langid``) under a name made from the compressed file's size and
    modification time, so every later process opens it at once (decompressing takes 1-2 s) and
    all of them share one copy in the page cache. Written to a temporary name and renamed, so a
    crash or a second process never leaves a half file under the real name. Where the folder
    cannot be written, an unlinked temporary file serves this process alone.
    """
    handle = _cached_model(cache_dir)
    if handle is None:
        # unlinked: gone when the last table reading it is (the tables keep it open)
        handle = tempfile.TemporaryFile(suffix=".npz")  # noqa: SIM115
        with lzma.open(MODEL_DIR / MODEL_FILE) as source:
            shutil.copyfileobj(source, handle, length=1 << 20)
        handle.flush()
    try:
        return _identifier(handle, norm_probs)
    except BaseException:
        handle.close()
        raise


def default_cache_dir() -> Path:
    """``<user cache>/baraza/py3langid``; computed when called."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("baraza")) / "py3langid"


def _cached_model(cache_dir: Path | None) -> IO[bytes] | None:
    """The decompressed model in the cache, opened for reading (written first if missing), or
    ``None`` when the cache cannot be used."""
    source = MODEL_DIR / MODEL_FILE
    folder = default_cache_dir() if cache_dir is None else cache_dir
    try:
        stat = source.stat()
        path = folder / f"model-{stat.st_size}-{stat.st_mtime_ns}.npz"
        if not path.is_file():
            folder.mkdir(parents=True, exist_ok=True)
            fd, partial = tempfile.mkstemp(dir=folder, prefix=".model-", suffix=".part")
            try:
                with os.fdopen(fd, "wb") as out, lzma.open(source) as packed:
                    shutil.copyfileobj(packed, out, length=1 << 20)
                os.replace(partial, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(partial)
                raise
        return path.open("rb")
    except (OSError, lzma.LZMAError):
        return None


def _identifier(handle: IO[bytes], norm_probs: bool) -> LanguageIdentifier:
    with zipfile.ZipFile(handle) as archive, np.load(handle, allow_pickle=False) as data:
        pc = np.asarray(data["pc"])
        classes = data["classes"].tolist()
        row = array.array("H" if data["nextmove_row"].dtype.itemsize == 2 else "I")
        row.frombytes(np.ascontiguousarray(data["nextmove_row"]).tobytes())
        output = array.array("i", np.asarray(data["out_feat"], dtype=np.int32).tobytes())
        ptc = _member_table(archive, handle, "ptc.npy")
        nextmove = _member_table(archive, handle, "nextmove.npy")
    identifier = LanguageIdentifier(
        ptc, pc, classes, nextmove, output, norm_probs=norm_probs, tk_row=row
    )
    # py3langid's per-state row offsets, as a list of ints (4 MB): the same values, compact
    identifier._rowbase = array.array("l", (r << 8 for r in row))
    return identifier


def _member_table(archive: zipfile.ZipFile, handle: IO[bytes], name: str) -> FileTable:
    """A :class:`FileTable` over the array ``name`` stored (uncompressed) in the npz."""
    info = archive.getinfo(name)
    if info.compress_type != zipfile.ZIP_STORED:
        raise ValueError(f"{name} is compressed in the model file")
    handle.seek(info.header_offset)
    header = _LOCAL_HEADER.unpack(handle.read(_LOCAL_HEADER.size))
    if header[0] != b"PK\x03\x04":
        raise ValueError(f"no local header for {name}")
    name_len, extra_len = header[-2], header[-1]
    handle.seek(info.header_offset + _LOCAL_HEADER.size + name_len + extra_len)
    version = np.lib.format.read_magic(handle)
    if version == (1, 0):
        shape, fortran, dtype = np.lib.format.read_array_header_1_0(handle)
    else:
        shape, fortran, dtype = np.lib.format.read_array_header_2_0(handle)
    if fortran:
        raise ValueError(f"{name} is stored in Fortran order")
    if dtype.kind not in "iuf":
        raise ValueError(f"{name} is not a numeric table")
    return FileTable(handle, handle.tell(), tuple(shape), dtype)
