"""How often each message basis has occurred in a chat file, in 8 bytes a message.

A saved chat's message ids count repeats of the same (clock, sender, recipient, body), so the
parser must remember every message it has read: a repeat a day later (the clock wraps in a
multi-day file) gets the next number. A ``Counter`` of 16-byte digests cost about 100 bytes a
message (the bytes object, its dict slot, the table's spare room): about 55 MB for a
560,000-message file, most of what parsing alone adds to the import's RSS. Here each message
is an 8-byte key in a sorted numpy array; the latest keys wait in a small dict until there are
:data:`MERGE_EVERY` of them, and only keys seen more than once keep a count of their own.
"""

from __future__ import annotations

import hashlib

import numpy as np

#: New keys held in a dict before they are merged into the sorted array (bounds the dict).
MERGE_EVERY = 16_384


def basis_key(basis: str) -> int:
    """The 8-byte key of a message basis (SHA-1's first 8 bytes; a false repeat needs two
    bases of one file to share them: about 1 in 10^8 for a 560,000-message file)."""
    return int.from_bytes(hashlib.sha1(basis.encode()).digest()[:8], "big")


class Occurrences:
    """``add(key)`` returns how many times ``key`` has been added, this time included."""

    def __init__(self) -> None:
        self._merged = np.zeros(0, dtype=np.uint64)  # sorted, each key once
        self._recent: dict[int, int] = {}  # key -> count, keys not merged yet
        self._repeats: dict[int, int] = {}  # merged keys seen more than once -> count

    def __len__(self) -> int:
        """How many distinct keys were added."""
        return len(self._merged) + len(self._recent)

    def add(self, key: int) -> int:
        """Count one occurrence of ``key``; its number (1 the first time)."""
        count = self._recent.get(key)
        if count is not None:
            self._recent[key] = count + 1
            return count + 1
        merged = self._merged
        i = int(np.searchsorted(merged, np.uint64(key)))
        if i < len(merged) and int(merged[i]) == key:
            count = self._repeats.get(key, 1) + 1
            self._repeats[key] = count
            return count
        self._recent[key] = 1
        if len(self._recent) >= MERGE_EVERY:
            self._merge()
        return 1

    def _merge(self) -> None:
        keys = np.fromiter(self._recent, dtype=np.uint64, count=len(self._recent))
        self._repeats.update((k, n) for k, n in self._recent.items() if n > 1)
        self._merged = np.sort(np.concatenate([self._merged, keys]))
        self._recent = {}

    def nbytes(self) -> int:
        """Memory held, roughly (the array, and about 100 bytes a dict entry)."""
        return self._merged.nbytes + 100 * (len(self._recent) + len(self._repeats))
