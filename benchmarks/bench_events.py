"""Many events at once: throughput, message-to-board latency and memory per process.

    python benchmarks/bench_events.py [--events 1 5 20] [--rate 10] [--seconds 25]
                                      [--backends sqlite pg1 pg3]

For every backend and number of events, a fresh database and fresh processes: ``sqlite`` is one
process on an SQLite file, ``pg1``/``pg3`` one/three processes on one PostgreSQL database (a
throwaway cluster started as tests/postgres_cluster.py does, or ``BARAZA_TEST_POSTGRES``).

Each process opens one Service (one store, one n-gram classifier: ``[classifier] source =
"ngram"``, so the encoder does not dominate) and, per event, a producer and a board:

* the producer feeds that event ``rate / processes`` chat questions a second (so every event
  gets ``--rate`` messages/s in all, whatever the number of processes) through
  ``service.intake.ingest``, the one road every source takes;
* the board re-renders the event's top 10 (``service.queue.ranked``) whenever the service's
  listener says the event changed (in this process, or, on PostgreSQL, in another one via
  NOTIFY), one render at a time, coalescing changes as the Discord board and the console do.

Message-to-board latency is from a message's arrival (the producer's schedule) to the end of the
first board render that started after its ingest committed, so it includes waiting for the
write lock, the classifier and the render. messages/s is what was ingested over the run's wall
time of the producers (below ``events x rate`` means the processes fell behind). RSS is each process's resident
memory at the end (VmRSS) and its peak (VmHWM).
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TOPICS = [
    "the partnership policy",
    "civic space in the Sahel",
    "direct funding for local organisations",
    "the new subsidy framework",
    "women-led organisations",
    "IATI reporting",
    "human rights defenders",
    "the evaluation of the fund",
    "climate adaptation budgets",
    "youth movements",
]
COUNTRIES = ["Kenya", "Netherlands", "Brazil", "India", "Mali", "Germany", "Ghana", "Peru"]
PEOPLE = 40
DAY = date(2026, 11, 20)


# -- one worker process --------------------------------------------------------------------


@dataclass
class Board:
    """One event's board: re-rendered on change, one render at a time."""

    event_id: int
    dirty: asyncio.Event = field(default_factory=asyncio.Event)
    committed: list[float] = field(default_factory=list)  # arrival times waiting for a render
    latencies: list[float] = field(default_factory=list)
    renders: int = 0


def _rss() -> dict[str, int]:
    values = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0]) // 1024  # MiB
    return values


def bench_config() -> object:
    from bot.config import ClassifierConfig, Config, ModerationConfig, RankingConfig

    # 40 people asking 10 questions a second would be held as a flood and capped per person.
    return Config(
        classifier=ClassifierConfig(source="ngram"),
        moderation=dataclasses.replace(ModerationConfig(), flood_max_questions=100_000),
        ranking=dataclasses.replace(RankingConfig(), per_person_cap=100_000),
    )


async def _produce(service: object, board: Board, rate: float, until: float, tag: str) -> int:
    from bot.core.model import ChatMessage

    loop = asyncio.get_running_loop()
    start, n = loop.time(), 0
    while True:
        due = start + n / rate
        if due >= until:
            return n
        await asyncio.sleep(max(0.0, due - loop.time()))
        arrived = max(due, start)
        topic = TOPICS[n % len(TOPICS)]
        who = f"Person {n % PEOPLE} ({COUNTRIES[n % len(COUNTRIES)]})"
        text = f"What about {topic} for group {tag}-{n}?"
        message = ChatMessage("bench", f"{tag}-{n}", datetime.now(UTC), who, text)
        await service.intake.ingest(board.event_id, [message])  # type: ignore[attr-defined]
        board.committed.append(arrived)
        board.dirty.set()
        n += 1


async def _render(service: object, board: Board, stop: asyncio.Event) -> None:
    loop = asyncio.get_running_loop()
    while not stop.is_set():
        try:
            await asyncio.wait_for(board.dirty.wait(), timeout=0.5)
        except TimeoutError:
            continue
        board.dirty.clear()
        waiting, board.committed = board.committed, []
        await service.queue.ranked(board.event_id, top=10)  # type: ignore[attr-defined]
        board.renders += 1
        done = loop.time()
        board.latencies.extend(done - t for t in waiting)


async def worker(db: str, events: int, index: int, procs: int, rate: float, seconds: float) -> dict:
    from bot.app import load_theme_classifier, open_service
    from bot.config import as_location

    config = bench_config()
    classifier = load_theme_classifier(config)  # type: ignore[arg-type]
    async with open_service(config, as_location(db), classifier) as service:  # type: ignore[arg-type]
        ids = [(await service.events.open(f"Bench {i}", "bench", DAY)).id for i in range(events)]
        boards = {event_id: Board(event_id) for event_id in ids}

        def changed(event_id: int) -> None:
            board = boards.get(event_id)
            if board is not None:
                board.dirty.set()

        service.add_listener(changed)
        await service.runner.analyse(["warm up?"])
        loop = asyncio.get_running_loop()
        began = loop.time()
        stop = asyncio.Event()
        renders = [asyncio.create_task(_render(service, b, stop)) for b in boards.values()]
        sent = await asyncio.gather(
            *(
                _produce(service, b, rate / procs, began + seconds, f"p{index}e{b.event_id}")
                for b in boards.values()
            )
        )
        produced = loop.time() - began  # messages/s counts the producing time only
        await asyncio.sleep(1.0)  # the last renders
        stop.set()
        await asyncio.gather(*renders)
    latencies = [x for b in boards.values() for x in b.latencies]
    return {
        "sent": sum(sent),
        "wall": produced,
        "latencies": latencies,
        "renders": sum(b.renders for b in boards.values()),
        **_rss(),
    }


# -- the driver ----------------------------------------------------------------------------


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else 0.0


def run_config(db: str, events: int, procs: int, rate: float, seconds: float) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", "--db", db]
    command += ["--events", str(events), "--procs", str(procs)]
    command += ["--rate", str(rate), "--seconds", str(seconds)]
    running = [
        subprocess.Popen(
            [*command, "--index", str(i)], stdout=subprocess.PIPE, env=env, cwd=ROOT, text=True
        )
        for i in range(procs)
    ]
    results = []
    for proc in running:
        out, _ = proc.communicate(timeout=seconds * 10 + 120)
        if proc.returncode != 0:
            raise SystemExit(f"worker failed ({proc.returncode})")
        results.append(json.loads(out.strip().splitlines()[-1]))
    latencies = [x for r in results for x in r["latencies"]]
    return {
        "rate": sum(r["sent"] for r in results) / max(r["wall"] for r in results),
        "p50": statistics.median(latencies) if latencies else 0.0,
        "p95": _percentile(latencies, 0.95),
        "rss": [r["VmRSS"] for r in results],
        "peak": [r["VmHWM"] for r in results],
    }


async def _pg_database(cluster: object) -> str:
    return await cluster.new_database()  # type: ignore[attr-defined]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, nargs="+", default=[1, 5, 20])
    parser.add_argument("--rate", type=float, default=10.0, help="messages/s per event")
    parser.add_argument("--seconds", type=float, default=25.0)
    parser.add_argument("--backends", nargs="+", default=["sqlite", "pg1", "pg3"])
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--index", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--procs", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        (events,) = args.events
        result = asyncio.run(
            worker(args.db, events, args.index, args.procs, args.rate, args.seconds)
        )
        print(json.dumps(result))
        return

    from tests.postgres_cluster import Cluster

    cluster = Cluster()
    if any(b.startswith("pg") for b in args.backends):
        reason = cluster.available_reason
        if reason:
            raise SystemExit(f"PostgreSQL: {reason}")
        cluster.start()
    rows = []
    try:
        with tempfile.TemporaryDirectory() as folder:
            for backend in args.backends:
                for events in args.events:
                    if backend == "sqlite":
                        db, procs = str(Path(folder) / f"bench-{events}.sqlite3"), 1
                    else:
                        db, procs = asyncio.run(_pg_database(cluster)), int(backend[2:])
                    result = run_config(db, events, procs, args.rate, args.seconds)
                    rows.append((backend, events, procs, result))
                    print(_row(backend, events, procs, result, args.rate), flush=True)
    finally:
        cluster.stop()
    print()
    print(_header())
    for backend, events, procs, result in rows:
        print(_row(backend, events, procs, result, args.rate))


def _header() -> str:
    return (
        "| backend | events | processes | offered msg/s | ingested msg/s | board p50 s "
        "| board p95 s | RSS MiB per process (peak) |\n|---|---|---|---|---|---|---|---|"
    )


def _row(backend: str, events: int, procs: int, r: dict, rate: float) -> str:
    rss = ", ".join(f"{now} ({peak})" for now, peak in zip(r["rss"], r["peak"], strict=True))
    name = {"sqlite": "SQLite", "pg1": "PostgreSQL", "pg3": "PostgreSQL"}[backend]
    return (
        f"| {name} | {events} | {procs} | {events * rate:.0f} | {r['rate']:.1f} "
        f"| {r['p50']:.3f} | {r['p95']:.3f} | {rss} |"
    )


if __name__ == "__main__":
    main()
