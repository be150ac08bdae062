"""Score the shipped classifier and language detector on a fresh held-out set (issue 13).

    python benchmarks/eval_fresh.py [--dir models/heldout_fresh2] [--json OUT]

The set (``themes.jsonl``: one question per line with its theme and language; ``langid.jsonl``:
texts with their language) was written by someone who never saw the corpus and opened only
after the configuration was frozen (commit message containing "freeze"). Nothing here trains or
chooses anything: the committed heads (``load_classifier()``, as the bot loads them) classify
every question once, through ``analyse`` as the bot's batching runner does, and
``bot.language.LanguageDetector`` labels every language-ID text.

Reported: macro-F1 and accuracy overall, per language, for the languages in the training
corpus together and for the others together; recall of ``other``; the same for the e5 head
and the n-gram model alone (from the same pass); the expected calibration error of the shipped
scores and the share shown as "unsure" (top score under 0.5); language-ID accuracy overall and
per language, with the commonest wrong answers.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.language import SUPPORTED, LanguageDetector  # noqa: E402
from models.calibration import apply_temperature, expected_calibration_error  # noqa: E402
from models.classifier import EnsembleClassifier, load_classifier  # noqa: E402
from models.corpus import load_corpus  # noqa: E402
from models.interface import THEMES  # noqa: E402
from models.metrics import accuracy, macro_f1  # noqa: E402

DEFAULT_DIR = ROOT / "models" / "heldout_fresh2"
UNSURE_BELOW = 0.5
#: The languages of the corpus before issue 13 (300+ messages each); the others in the corpus
#: (48 invented messages each, added in issue 13) were unseen by the classifier before.
ORIGINAL = ("en", "nl", "fr", "es", "pt", "sw")


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _field(row: dict[str, Any], *names: str) -> str:
    for name in names:
        if name in row:
            return str(row[name])
    raise KeyError(f"none of {names} in {sorted(row)}")


def _block(truth: list[str], pred: list[str]) -> dict[str, float]:
    recall_other = [p == "other" for t, p in zip(truth, pred, strict=True) if t == "other"]
    return {
        "n": len(truth),
        "macro_f1": round(macro_f1(truth, pred, THEMES), 4),
        "accuracy": round(accuracy(truth, pred), 4),
        "other_recall": round(float(np.mean(recall_other)), 4) if recall_other else float("nan"),
    }


def score_themes(rows: list[dict[str, Any]]) -> dict[str, Any]:
    texts = [_field(r, "text", "message", "question") for r in rows]
    truth = [_field(r, "theme", "label") for r in rows]
    langs = [_field(r, "lang", "language") for r in rows]
    trained = {ex.lang for ex in load_corpus()}
    clf = load_classifier()
    scores, _ = clf.analyse(texts)  # type: ignore[attr-defined]
    probs = np.array([[s[t] for t in THEMES] for s in scores])
    models = {"shipped": probs}
    if isinstance(clf, EnsembleClassifier):
        raw = clf.e5.raw_proba(texts)
        models["e5"] = apply_temperature(raw, clf.e5.head.temperature)
        models["ngram"] = clf.ngram.scores(texts)
    y = np.array([THEMES.index(t) for t in truth])
    report: dict[str, Any] = {"classifier": clf.name, "n": len(rows), "trained": sorted(trained)}
    for name, p in models.items():
        pred = [THEMES[i] for i in p.argmax(axis=1)]
        groups = {
            "all": list(range(len(rows))),
            "trained languages": [i for i, lang in enumerate(langs) if lang in trained],
            "unseen languages": [i for i, lang in enumerate(langs) if lang not in trained],
            "original six": [i for i, lang in enumerate(langs) if lang in ORIGINAL],
            "added in issue 13": [
                i for i, lang in enumerate(langs) if lang in trained and lang not in ORIGINAL
            ],
            **{
                lang: [i for i, x in enumerate(langs) if x == lang]
                for lang in sorted(set(langs), key=lambda x: (x not in trained, x))
            },
        }
        report[name] = {
            group: _block([truth[i] for i in idx], [pred[i] for i in idx])
            for group, idx in groups.items()
            if idx
        }
        report[name]["ece"] = round(expected_calibration_error(p, y), 4)
        report[name]["unsure_share"] = round(float((p.max(axis=1) < UNSURE_BELOW).mean()), 4)
        top = p.max(axis=1)
        right = p.argmax(axis=1) == y
        report[name]["median_top"] = {
            "right": round(float(np.median(top[right])), 3) if right.any() else None,
            "wrong": round(float(np.median(top[~right])), 3) if (~right).any() else None,
        }
    report["confusions"] = dict(
        Counter(
            f"{t}->{THEMES[int(i)]}"
            for t, i in zip(truth, probs.argmax(axis=1), strict=True)
            if t != THEMES[int(i)]
        ).most_common()
    )
    return report


def score_langid(rows: list[dict[str, Any]]) -> dict[str, Any]:
    detector = LanguageDetector()
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    wrong: dict[str, Counter[str]] = {}
    for row in rows:
        lang, text = _field(row, "lang", "language"), _field(row, "text", "message")
        found = detector.detect(text)
        total[lang] += 1
        if found == lang:
            right[lang] += 1
        else:
            wrong.setdefault(lang, Counter())[found] += 1
    core = [lang for lang in total if lang in SUPPORTED]
    n_core = sum(total[lang] for lang in core)
    return {
        "n": sum(total.values()),
        "overall": round(sum(right.values()) / max(1, sum(total.values())), 4),
        # the 19 languages the chat usually sees (bot.language.SUPPORTED): the list
        "supported": round(sum(right[lang] for lang in core) / max(1, n_core), 4),
        "n_supported": n_core,
        "per_lang": {lang: round(right[lang] / total[lang], 4) for lang in sorted(total)},
        "wrong": {lang: dict(c.most_common(3)) for lang, c in sorted(wrong.items())},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--json", type=Path, help="also write the report here")
    args = parser.parse_args()
    report: dict[str, Any] = {"set": str(args.dir)}
    if (args.dir / "themes.jsonl").is_file():
        report["themes"] = score_themes(read_jsonl(args.dir / "themes.jsonl"))
    if (args.dir / "langid.jsonl").is_file():
        report["langid"] = score_langid(read_jsonl(args.dir / "langid.jsonl"))
    elif (args.dir / "themes.jsonl").is_file():
        # no separate language-ID texts: the questions' own language labels
        report["langid"] = score_langid(read_jsonl(args.dir / "themes.jsonl"))
    text = json.dumps(report, indent=1)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
