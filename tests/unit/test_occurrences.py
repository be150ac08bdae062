"""The Zoom parser's repeat counter: right counts across merges, memory per message bounded."""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import UTC, date

from bot.sources.zoom import parse_chat_text
from bot.sources.zoom._occurrences import MERGE_EVERY, Occurrences, basis_key

DAY = date(2026, 11, 20)


def test_counts_match_a_counter_across_merges() -> None:
    occurrences, reference = Occurrences(), Counter[int]()
    # 3.5 merges' worth of keys, every 7th repeated (some right away, some after a merge)
    keys = [basis_key(f"message {i}") for i in range(MERGE_EVERY * 3 + MERGE_EVERY // 2)]
    stream = keys + keys[::7] + keys[:MERGE_EVERY:3] + keys[::7]
    for key in stream:
        reference[key] += 1
        assert occurrences.add(key) == reference[key]
    assert len(occurrences) == len(keys)


def test_memory_is_a_few_bytes_a_message_and_the_dict_stays_small() -> None:
    occurrences = Occurrences()
    for n in (MERGE_EVERY * 2, MERGE_EVERY * 8):
        while len(occurrences) < n:
            occurrences.add(basis_key(f"m{len(occurrences)}"))
        assert len(occurrences._recent) < MERGE_EVERY  # merged, not growing with the input
        # a Counter of digests held about 100 bytes a message; this holds 8 plus one merge's dict
        assert occurrences.nbytes() <= 8 * n + 100 * MERGE_EVERY


def test_repeats_after_a_merge_keep_the_ids_of_the_old_counter() -> None:
    """Ids are those of the earlier scheme (a Counter of 16-byte digests): a re-import of a file
    imported before the change adds nothing."""
    lines = []
    for i in range(MERGE_EVERY + 50):  # more than one merge, then the whole chat again
        lines.append(
            f"{10 + i // 3600 % 12:02d}:{i // 60 % 60:02d}:{i % 60:02d} From  A  to  Everyone:"
        )
        lines.append(f"\tmessage {i % 3000}")
    text = "\n".join(lines * 2) + "\n"
    got = [m.source_message_id for m in parse_chat_text(text, DAY, tz=UTC)]
    seen: Counter[bytes] = Counter()
    expected = []
    for m in parse_chat_text(text, DAY, tz=UTC):
        clock = m.sent_at.strftime("%H:%M:%S")
        basis = f"{clock}|A|Everyone|False|{m.text}"
        key = hashlib.sha1(basis.encode()).digest()[:16]
        seen[key] += 1
        expected.append(hashlib.sha1(f"{basis}#{seen[key]}".encode()).hexdigest()[:20])
    assert got == expected
    assert len(set(got)) == len(got)
