"""Language identification: accuracy per language and time per message, new detector vs langdetect.

``python benchmarks/bench_langid.py [--rounds N] [--sets fixtures,dev,fresh2]`` scores
``bot.language.LanguageDetector`` (script rules + our character n-gram model + py3langid for
languages the model lacks) and the detector shipped before issue 13
(``benchmarks/langid_baseline.py``: seeded langdetect + function words) on

* ``fixtures``: ``tests/fixtures/langid/<lang>.txt`` (invented chat messages, 25 per language);
* ``dev``: ``models/langid_texts/dev/<lang>.txt`` (chat messages written with the n-gram model's
  training texts but never trained on; also af, ms, tl, ti, ur);
* ``fresh2``: ``models/heldout_fresh2/langid.jsonl`` (written by someone else; held out once, a
  development set since its errors were looked at for issue 13),

then times both on every message of those sets (median over rounds of the mean time per
message, one warm process). All of these are development numbers: the detector's rules and
training texts were written while looking at them.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from langid_baseline import LanguageDetector as LangdetectDetector  # noqa: E402

from bot.language import LanguageDetector  # noqa: E402

SET_DIR = ROOT / "tests" / "fixtures" / "langid"
DEV_DIR = ROOT / "models" / "langid_texts" / "dev"
FRESH2 = ROOT / "models" / "heldout_fresh2" / "langid.jsonl"


def load_set(folder: Path = SET_DIR) -> list[tuple[str, str]]:
    """``(language, text)`` pairs of the language-ID set, by file name."""
    pairs = []
    for path in sorted(folder.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        pairs += [(path.stem, line) for line in lines if line.strip()]
    return pairs


def load_jsonl(path: Path = FRESH2) -> list[tuple[str, str]]:
    """``(language, text)`` pairs of a JSON-lines set with ``text`` and ``language`` fields."""
    with path.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return [(str(row["language"]), str(row["text"])) for row in rows]


SETS: dict[str, Callable[[], list[tuple[str, str]]]] = {
    "fixtures": load_set,
    "dev": lambda: load_set(DEV_DIR),
    "fresh2": load_jsonl,
}


def score(detect: Callable[[str], str], pairs: list[tuple[str, str]]) -> dict[str, object]:
    """Accuracy per language and overall, with the commonest wrong answers per language."""
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    wrong: dict[str, Counter[str]] = {}
    for lang, text in pairs:
        found = detect(text)
        total[lang] += 1
        if found == lang:
            right[lang] += 1
        else:
            wrong.setdefault(lang, Counter())[found] += 1
    per_lang = {lang: right[lang] / total[lang] for lang in total}
    return {"overall": sum(right.values()) / len(pairs), "per_lang": per_lang, "wrong": wrong}


def time_per_message(detect: Callable[[str], str], texts: list[str], rounds: int) -> float:
    """Median over ``rounds`` of the mean seconds per message (after one warm-up pass)."""
    for text in texts:
        detect(text)
    runs = []
    for _ in range(rounds):
        started = time.perf_counter()
        for text in texts:
            detect(text)
        runs.append((time.perf_counter() - started) / len(texts))
    return statistics.median(runs)


def main() -> None:
    """Print the accuracy table and the timing comparison."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--sets", default="fixtures,dev,fresh2", help="comma-separated: " + ",".join(SETS)
    )
    args = parser.parse_args()
    detectors = {"new (n-gram+rules)": LanguageDetector().detect}
    detectors["langdetect (before)"] = LangdetectDetector().detect
    names = list(detectors)
    timing_texts: list[str] = []
    for set_name in args.sets.split(","):
        pairs = SETS[set_name]()
        timing_texts += [text for _, text in pairs]
        results = {name: score(fn, pairs) for name, fn in detectors.items()}
        langs = sorted({lang for lang, _ in pairs})
        print(f"\n{set_name}: {len(pairs)} messages, {len(langs)} languages")
        print(f"{'lang':6}" + "".join(f"{n:>24}" for n in names) + "   new: wrong answers")
        for lang in langs:
            cells = "".join(f"{results[n]['per_lang'][lang]:>24.2f}" for n in names)  # type: ignore[index]
            wrong = results[names[0]]["wrong"].get(lang, {})  # type: ignore[attr-defined]
            print(f"{lang:6}{cells}   {dict(wrong) if wrong else ''}")
        print(f"{'all':6}" + "".join(f"{results[n]['overall']:>24.3f}" for n in names))
    texts = timing_texts
    timings = {n: time_per_message(fn, texts, args.rounds) for n, fn in detectors.items()}
    print(f"\ntime per message (median of rounds, mean over {len(texts)} messages):")
    for name, seconds in timings.items():
        print(f"  {name:24} {seconds * 1000:8.3f} ms")
    ratio = timings[names[1]] / timings[names[0]]
    print(f"  speed-up: {ratio:.1f}x")


if __name__ == "__main__":
    main()
