"""The tokenizer's compact piece table answers as a dict would, in a few bytes a piece."""

from __future__ import annotations

import sys

import pytest

from models.lean import PieceIds

PIECES = ["\u2581the", "\u2581cat", "s", "\u2581", "ẹ", "漢字", "🙂", "", "s", "\u2581mat", "at"]


def test_lookups_equal_a_dict_with_the_last_duplicate_winning() -> None:
    table = PieceIds.from_pieces(PIECES)
    reference = {piece: i for i, piece in enumerate(PIECES)}
    assert len(table) == len(PIECES)
    for piece in [*PIECES, "\u2581dog", "c", "cat", "漢", "\u2581the\u2581"]:
        assert table.get(piece) == reference.get(piece), piece
        assert table.get(piece, -7) == reference.get(piece, -7), piece
    assert [table.piece(i) for i in range(len(PIECES))] == PIECES
    assert table.max_chars == max(map(len, PIECES))
    with pytest.raises(IndexError):
        table.piece(len(PIECES))


def test_memory_per_piece_is_a_few_dozen_bytes() -> None:
    pieces = [f"\u2581piece{i}" for i in range(50_000)]
    table = PieceIds.from_pieces(pieces)
    held = sum(
        sys.getsizeof(part) for part in (table._blob, table._offsets, table._hashes, table._slots)
    )
    # a dict of str held about 150 bytes a piece (the strings, the table, the int ids)
    assert held < 60 * len(pieces)
    assert all(table.get(pieces[i]) == i for i in range(0, len(pieces), 97))
