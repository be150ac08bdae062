"""Web console push benchmark: N open console sessions, M chat messages a second.

The server (this process: store, n-gram classifier, console) ingests questions at a steady
rate; a child process holds N Server-Sent-Events sessions and notes, for every question, how
long after its ingest started each session received a push that shows it. Prints the push
latency p50/p95/max over all (question, session) pairs, and the server's CPU time and RSS.

    python benchmarks/bench_console.py [--sessions 50] [--rate 10] [--seconds 30]

Run from the project folder (``PYTHONPATH=.`` if Baraza is installed from elsewhere).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

MARK = re.compile(r"bench(\d+) at (\d+\.\d+)")
KEY = "bench-moderator-key"


async def clients(url: str, sessions: int) -> None:
    """Child: hold the sessions; on stdin EOF print the latencies as JSON."""
    import aiohttp

    latencies: list[float] = []
    ready = 0

    async def one() -> None:
        nonlocal ready
        jar = aiohttp.CookieJar(unsafe=True)
        async with aiohttp.ClientSession(cookie_jar=jar) as http:
            async with http.get(f"{url}/?key={KEY}") as page:
                await page.read()
            seen: set[str] = set()
            async with http.get(f"{url}/stream", timeout=aiohttp.ClientTimeout(total=None)) as s:
                ready += 1
                if ready == sessions:
                    print("ready", flush=True)
                async for line in s.content:
                    now = time.time()
                    if not line.startswith(b"data: "):
                        continue
                    queue = json.loads(line[6:])["queue"]
                    for n, sent in MARK.findall(queue):
                        if n not in seen:
                            seen.add(n)
                            latencies.append(now - float(sent))

    tasks = [asyncio.create_task(one()) for _ in range(sessions)]
    await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    print(json.dumps(latencies), flush=True)


def _rss_mb() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * resource.getpagesize() / 1024**2


async def server(sessions: int, rate: float, seconds: float) -> None:
    """Parent: serve the console, feed questions at ``rate``, report."""
    from bot.app import open_service
    from bot.config import ClassifierConfig, Config, replace
    from bot.core.model import ChatMessage
    from bot.serve import bound_port, start_console
    from bot.web.access import Access

    config = replace(Config(), classifier=ClassifierConfig(source="ngram"))
    with tempfile.TemporaryDirectory() as tmp:
        async with open_service(config, Path(tmp) / "bench.sqlite3") as service:
            event = await service.events.open("Benchmark webinar", "zoom", date.today())
            access = Access(KEY, "bench-panel-key")
            runner, _ = await start_console(service, event.id, event.name, access, "127.0.0.1", 0)
            url = f"http://127.0.0.1:{bound_port(runner)}"
            child = await asyncio.create_subprocess_exec(
                sys.executable,
                __file__,
                "--clients",
                url,
                "--sessions",
                str(sessions),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                limit=64 * 1024**2,  # the latencies come back as one JSON line
            )
            assert child.stdout and child.stdin
            assert (await child.stdout.readline()).strip() == b"ready"
            start_cpu = resource.getrusage(resource.RUSAGE_SELF)
            started = time.perf_counter()
            total = int(rate * seconds)
            for n in range(total):
                await asyncio.sleep(max(0.0, started + n / rate - time.perf_counter()))
                text = f"How will the budget policy help partners, question bench{n} at {time.time():.6f}?"
                message = ChatMessage("zoom", f"b{n}", datetime.now(UTC), f"Person {n}", text)
                await service.intake.ingest(event.id, [message])
            await asyncio.sleep(2.0)
            wall = time.perf_counter() - started
            end_cpu = resource.getrusage(resource.RUSAGE_SELF)
            child.stdin.close()
            latencies = sorted(json.loads((await child.stdout.readline()).decode()))
            await child.wait()
            await runner.cleanup()
    cpu = (end_cpu.ru_utime - start_cpu.ru_utime) + (end_cpu.ru_stime - start_cpu.ru_stime)
    expected = total * sessions
    p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000  # noqa: E731
    print(f"{sessions} console sessions, {rate:g} messages/s for {seconds:g} s ({total} questions)")
    print(f"pushes seen: {len(latencies)} of {expected} (question, session) pairs")
    if latencies:
        print(
            f"push latency ms: p50 {p(0.5):.0f}, p95 {p(0.95):.0f}, max {latencies[-1] * 1000:.0f}"
        )
    print(f"server CPU: {cpu:.1f} s over {wall:.1f} s wall ({100 * cpu / wall:.0f}% of one core)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"server RSS: {_rss_mb():.0f} MB now, {peak:.0f} MB peak")


def main() -> None:
    """Parse the options; run the server side (or, with --clients, the sessions)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--rate", type=float, default=10.0)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--clients", metavar="URL", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.clients:
        asyncio.run(clients(args.clients, args.sessions))
    else:
        asyncio.run(server(args.sessions, args.rate, args.seconds))


if __name__ == "__main__":
    main()
