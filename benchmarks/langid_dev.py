"""Language identification on every development set, per language, with a tuning/report split.

``python benchmarks/langid_dev.py [--model PATH] [--json OUT]`` scores
``bot.language.LanguageDetector`` on every set the project may develop on (all opened before,
so none of these numbers is a held-out one) and prints, per set, accuracy per language, overall
over the 19 languages of the chat (``SUPPORTED``, ``core19``) and over the languages the detector knows (the 19 of the chat plus ur, ti, tl, af, ms, om, ln,
wo; ``ny`` is not one of them), and the confusions.

The sets are split in two for honest development numbers (issue 13, Kirundi/Kinyarwanda round):

* ``tune``: the sets whose errors may be looked at while choosing cues and training text
  (``tests/fixtures/langid``, ``models/langid_texts/dev``, ``heldout_fresh2``, ``heldout_fresh3``
  and the ``language`` field of ``models/heldout``);
* ``report``: the sets only scored, never looked into, in that round (``heldout_fresh4`` langid
  and themes, ``heldout_fresh5`` themes).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.language import SUPPORTED, LanguageDetector  # noqa: E402
from models.langid import NgramLanguageModel  # noqa: E402

MODELS = ROOT / "models"
#: Languages the detector can answer on purpose (SUPPORTED plus the model's and script rules'
#: extra ones); texts in other languages (ny) cannot be right and are left out of "known".
KNOWN = frozenset(SUPPORTED) | {"ur", "ti", "tl", "af", "ms", "om", "ln", "wo"}


def _txt_dir(folder: Path) -> list[tuple[str, str]]:
    pairs = []
    for path in sorted(folder.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        pairs += [(path.stem, line) for line in lines if line.strip()]
    return pairs


def _jsonl(*paths: Path) -> list[tuple[str, str]]:
    pairs = []
    for path in paths:
        with path.open(encoding="utf-8") as fh:
            rows = [json.loads(line) for line in fh if line.strip()]
        pairs += [(str(row.get("language", row.get("lang"))), str(row["text"])) for row in rows]
    return pairs


#: name -> (split, loader)
SETS: dict[str, tuple[str, Callable[[], list[tuple[str, str]]]]] = {
    "fixtures": ("tune", lambda: _txt_dir(ROOT / "tests" / "fixtures" / "langid")),
    "dev": ("tune", lambda: _txt_dir(MODELS / "langid_texts" / "dev")),
    "heldout": ("tune", lambda: _jsonl(*sorted((MODELS / "heldout").glob("*.jsonl")))),
    "fresh2": ("tune", lambda: _jsonl(MODELS / "heldout_fresh2" / "langid.jsonl")),
    "fresh2-themes": ("tune", lambda: _jsonl(MODELS / "heldout_fresh2" / "themes.jsonl")),
    "fresh3": ("tune", lambda: _jsonl(MODELS / "heldout_fresh3" / "langid.jsonl")),
    "fresh3-themes": ("tune", lambda: _jsonl(MODELS / "heldout_fresh3" / "themes.jsonl")),
    "fresh4": ("report", lambda: _jsonl(MODELS / "heldout_fresh4" / "langid.jsonl")),
    "fresh4-themes": ("report", lambda: _jsonl(MODELS / "heldout_fresh4" / "themes.jsonl")),
    "fresh5-themes": ("report", lambda: _jsonl(MODELS / "heldout_fresh5" / "themes.jsonl")),
}


def score(detect: Callable[[str], str], pairs: list[tuple[str, str]]) -> dict[str, object]:
    """Accuracy per language, overall and over KNOWN languages, and the confusions."""
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
    core = [lang for lang in total if lang in SUPPORTED]
    n_core = sum(total[lang] for lang in core)
    known = [lang for lang in total if lang in KNOWN]
    n_known = sum(total[lang] for lang in known)
    return {
        "n": len(pairs),
        "overall": sum(right.values()) / len(pairs),
        "known": sum(right[lang] for lang in known) / n_known if n_known else 0.0,
        "core": sum(right[lang] for lang in core) / n_core if n_core else 0.0,
        "per_lang": {lang: right[lang] / total[lang] for lang in sorted(total)},
        "count": dict(total),
        "wrong": {lang: dict(c.most_common()) for lang, c in sorted(wrong.items())},
    }


def main() -> None:
    """Print per-set, per-language accuracy and the confusions."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=None, help="n-gram model (.npz)")
    parser.add_argument("--sets", default=",".join(SETS))
    parser.add_argument("--json", type=Path, default=None, help="write the scores here")
    args = parser.parse_args()
    model = NgramLanguageModel.load(args.model) if args.model else None
    detect = LanguageDetector(model).detect
    results = {}
    for name in args.sets.split(","):
        split, loader = SETS[name]
        res = score(detect, loader())
        results[name] = res
        per = res["per_lang"]
        assert isinstance(per, dict)
        low = {lang: round(acc, 2) for lang, acc in per.items() if acc < 0.9}
        print(
            f"{name:14} [{split:6}] n={res['n']:4} all={res['overall']:.3f} "
            f"known={res['known']:.3f} core19={res['core']:.3f}  rn={per.get('rn', float('nan')):.2f} "
            f"rw={per.get('rw', float('nan')):.2f}  under 0.9: {low}"
        )
        for lang, wrong in res["wrong"].items():  # type: ignore[attr-defined]
            print(f"    {lang}: {wrong}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
