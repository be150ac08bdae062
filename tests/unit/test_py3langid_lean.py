"""py3langid with file-backed tables: the same answers as its own loader, tables not in memory."""

from __future__ import annotations

import zipfile
from pathlib import Path

import numpy as np
import pytest
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from bot.language import LanguageDetector
from models.py3langid_lean import FileTable, _member_table, load_identifier

TEXTS = [
    "Привет всем, у меня вопрос о финансировании",
    "这是一个关于资金的问题吗",
    "Czy mogę zadać pytanie o finansowanie programu?",
    "Bu konuda ne düşünüyorsunuz arkadaşlar, bütçe nasıl?",
    "क्या आप बता सकते हैं कि धन कैसे मिलेगा",
    "آیا می‌توانید درباره بودجه توضیح دهید",
    "How will the clinics in rural districts be funded next year?",
    "Habari za asubuhi, swali langu ni kuhusu ufadhili",
    "x",
    "",
]


@pytest.fixture(scope="module")
def lean() -> LanguageIdentifier:
    return load_identifier(norm_probs=True)


def test_answers_equal_py3langids_own_loader(lean: LanguageIdentifier) -> None:
    full = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    for text in TEXTS:
        assert lean.rank(text) == full.rank(text), text
        assert lean.classify(text) == full.classify(text), text


def test_the_big_tables_stay_in_the_file(lean: LanguageIdentifier) -> None:
    """The DFA (39 MB) and the feature table (28 MB) are read on demand, not held."""
    assert isinstance(lean.tk_nextmove, FileTable) and isinstance(lean.nb_ptc, FileTable)
    assert lean.nb_ptc.shape[0] > 50_000 and len(lean.tk_nextmove) > 1_000_000
    assert not hasattr(lean.tk_nextmove, "nbytes")
    detector = LanguageDetector()
    assert detector.detect("Привет всем, у меня вопрос о финансировании") == "ru"
    assert isinstance(detector._py3langid.tk_nextmove, FileTable)


def test_file_table_reads_rows_and_entries_like_numpy(tmp_path: Path) -> None:
    rows = np.arange(40, dtype=np.float16).reshape(10, 4) / 3
    entries = np.array([7, 0, 2**32 - 1, 5], dtype=np.uint32)
    path = tmp_path / "t.npz"
    np.savez(path, rows=rows, entries=entries)
    with path.open("rb") as handle, zipfile.ZipFile(handle) as archive:
        table = _member_table(archive, handle, "rows.npy")
        flat = _member_table(archive, handle, "entries.npy")
        assert np.array_equal(table[np.array([3, 0, 3, 9])], rows[[3, 0, 3, 9]])
        assert np.array_equal(table[2], rows[2])
        assert [flat[i] for i in range(4)] == entries.tolist()
        with pytest.raises(IndexError):
            flat[4]
        with pytest.raises(IndexError):
            table[np.array([10])]


def test_the_decompressed_model_is_cached_once_and_shared(
    tmp_path: Path, lean: LanguageIdentifier
) -> None:
    cache = tmp_path / "py3langid"
    first = load_identifier(norm_probs=True, cache_dir=cache)
    [cached] = list(cache.iterdir())  # one file, no partial one left
    assert cached.name.startswith("model-") and cached.suffix == ".npz"
    stamp = cached.stat().st_mtime_ns
    second = load_identifier(norm_probs=True, cache_dir=cache)
    assert cached.stat().st_mtime_ns == stamp  # opened, not written again
    for text in TEXTS:
        assert first.rank(text) == second.rank(text) == lean.rank(text), text


def test_an_unwritable_cache_falls_back_to_a_private_copy(
    tmp_path: Path, lean: LanguageIdentifier
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    identifier = load_identifier(norm_probs=True, cache_dir=blocked / "py3langid")
    assert [identifier.classify(t) for t in TEXTS] == [lean.classify(t) for t in TEXTS]
