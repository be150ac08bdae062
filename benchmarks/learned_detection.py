"""Does a learned layer on top of the detection rules help on chat it was not trained on?

    nice -n 10 python benchmarks/learned_detection.py [--l2 1.0] [--loeo]

Each labelled message of the four development sets (and the fixtures) is read exactly as
``benchmarks/eval_detection.py`` reads it (Zoom reader, inferred hosts, participants so far as
peers); the rules decide, and :func:`features` describes it to :class:`DetectHead` (logistic regression on the rule's reason, shape features
and hashed n-grams). The target is question vs not. The model and the features live here, not
in the package: the experiment did not pay off (see README, "Learned layer"), so nothing ships.

Leave-one-SET-out: train on three sets + fixtures, test on the fourth; the decision threshold is
chosen inside the training sets only (inner leave-one-set-out over the three, best F1 of the
pooled out-of-fold probabilities). ``--loeo`` adds leave-one-event-out (each chat file tested by
a model trained on every other file, threshold 0.5 fixed beforehand). Prints precision/recall of
rules alone vs rules + model, overall and per kind of event.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import zlib
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.eval_detection import (  # noqa: E402
    _public,
    align,
    event_kind,
    is_question_label,
)
from bot.core.address import addressed_name, addressed_peer  # noqa: E402
from bot.core.detect import Detection, detect, without_links  # noqa: E402
from bot.core.hosts import Peers, infer_hosts  # noqa: E402
from bot.core.model import MessageKind  # noqa: E402
from bot.core.text import name_key  # noqa: E402
from bot.sources.zoom import iter_chat_file  # noqa: E402
from models.head import _lbfgs  # noqa: E402

# --- the model: hashed sparse features, L2 logistic regression (numpy, L-BFGS) ---

#: Named features and their values for one message.
Features = dict[str, float]

DIM = 1 << 16
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+|(?<!\w)@[\w.-]+", re.IGNORECASE)
_WORD = re.compile(r"\w+")


def text_features(text: str) -> Features:
    """Character 2-4-grams and word unigrams of the casefolded text without links and
    @mentions; the n-grams share weight 1 in total (L2), so do the words."""
    plain = " " + re.sub(r"\s+", " ", _URL.sub(" ", text.casefold())).strip() + " "
    grams = [plain[i : i + n] for n in (2, 3, 4) for i in range(len(plain) - n + 1)]
    words = _WORD.findall(plain)
    out: Features = {}
    for prefix, items in (("c:", grams), ("w:", words)):
        if not items:
            continue
        scale = 1.0 / float(np.sqrt(len(set(items))))
        for item in items:
            out[prefix + item] = scale
    return out


def _index(name: str) -> int:
    return zlib.crc32(name.encode("utf-8")) % DIM


def _rows(rows: Sequence[Features]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """CSR arrays (indptr, indices, values) of hashed rows; colliding features add up."""
    indptr = [0]
    indices: list[int] = []
    values: list[float] = []
    for row in rows:
        merged: dict[int, float] = {}
        for name, value in row.items():
            j = _index(name)
            merged[j] = merged.get(j, 0.0) + value
        for j in sorted(merged):
            indices.append(j)
            values.append(merged[j])
        indptr.append(len(indices))
    return (
        np.asarray(indptr, dtype=np.int64),
        np.asarray(indices, dtype=np.int64),
        np.asarray(values, dtype=np.float64),
    )


@dataclass
class DetectHead:
    """Weights over hashed features, a bias and the decision threshold on the probability."""

    weights: np.ndarray
    bias: float
    threshold: float = 0.5

    def probabilities(self, rows: Sequence[Features]) -> np.ndarray:
        indptr, indices, values = _rows(rows)
        counts = np.diff(indptr)
        row_of = np.repeat(np.arange(len(rows)), counts)
        z = np.bincount(row_of, weights=self.weights[indices] * values, minlength=len(rows))
        return np.asarray(1.0 / (1.0 + np.exp(-(z + self.bias))))


def fit(
    rows: Sequence[Features], labels: Sequence[bool], *, l2: float = 1.0, max_iter: int = 300
) -> DetectHead:
    """Fit the logistic regression (threshold 0.5; choose one with :func:`best_threshold`)."""
    indptr, indices, values = _rows(rows)
    n = len(rows)
    row_of = np.repeat(np.arange(n), np.diff(indptr))
    y = np.asarray(labels, dtype=np.float64)

    def objective(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = theta[:DIM], theta[DIM]
        z = np.bincount(row_of, weights=w[indices] * values, minlength=n) + b
        loss = float(np.logaddexp(0.0, z).sum() - (y * z).sum()) + 0.5 * l2 * float(w @ w)
        g = 1.0 / (1.0 + np.exp(-z)) - y
        grad_w = np.bincount(indices, weights=g[row_of] * values, minlength=DIM) + l2 * w
        return loss, np.concatenate([grad_w, [g.sum()]])

    theta = _lbfgs(objective, np.zeros(DIM + 1), max_iter=max_iter, tol=1e-5)
    return DetectHead(theta[:DIM].copy(), float(theta[DIM]))


def best_threshold(probabilities: np.ndarray, labels: Sequence[bool]) -> float:
    """The threshold with the best F1 on held-out probabilities (ties: the one nearest 0.5)."""
    y = np.asarray(labels, dtype=bool)
    best, best_key = 0.5, (-1.0, 0.0)
    for t in np.round(np.arange(0.05, 0.96, 0.05), 2):
        pred = probabilities >= t
        tp = float((pred & y).sum())
        f1 = 2 * tp / max(float(pred.sum() + y.sum()), 1.0)
        key = (round(f1, 6), -abs(float(t) - 0.5))
        if key > best_key:
            best, best_key = float(t), key
    return best


# --- the features of one message, given the rules' decision ---

_QMARK = re.compile(r"[?？¿؟፧⸮]")


def features(
    text: str, detection: Detection, *, from_host: bool, peers: Collection[str] = ()
) -> Features:
    """The named features of one public message, given the rules' decision on it."""
    plain = without_links(text)
    words = len(re.findall(r"\w+", plain))
    out: Features = {
        f"kind={detection.kind.value}": 1.0,
        f"reason={detection.reason}": 1.0,
        f"len={min(words // 4, 8)}": 1.0,
    }
    flags = {
        "mark": bool(_QMARK.search(plain)),
        "mark_end": plain.rstrip().endswith(("?", "？", "؟")),
        "host": from_host,
        "mention": text.lstrip().startswith("@"),
        "named": addressed_name(text) is not None,
        "peer": addressed_peer(text, peers),
        "link": plain != re.sub(r"\s+", " ", text).strip(),
    }
    out.update({name: 1.0 for name, on in flags.items() if on})
    out.update(text_features(text))
    return out


DATA = ROOT / "benchmarks" / "data"
SETS = {
    "set1": DATA / "detection_heldout",
    "set3": DATA / "detection_heldout3",
    "set4": DATA / "detection_heldout4",
    "set5": DATA / "detection_heldout5",
}
FIXTURES = ROOT / "tests" / "fixtures" / "detection_dev"


@dataclass
class Row:
    set: str
    file: str
    kind: str
    gold: bool
    rule: bool
    feats: Features


def read_set(name: str, folder: Path) -> list[Row]:
    events = folder / "events" if (folder / "events").is_dir() else folder
    rows: list[Row] = []
    for chat in sorted(events.glob("*.txt")):
        path = chat.with_name(chat.stem + ".labels.jsonl")
        if not path.exists():
            continue
        labels = [json.loads(x) for x in path.read_text().splitlines() if x.strip()]
        kind = event_kind(chat, labels[:50])
        messages = [m for b in iter_chat_file(chat, date(2026, 1, 1), UTC) for m in b]
        aligned = align(messages, labels)
        if aligned is None:
            continue
        hosts = infer_hosts((m.author_name, m.text) for m in messages if _public(m))
        peers, seen = Peers(), {}
        for m in messages:
            if _public(m):
                seen[id(m)] = peers.without(m.author_name)
                peers.add(m.author_name, m.text, host=name_key(m.author_name) in hosts)
        for m, label in zip(aligned, labels, strict=True):
            if not _public(m):  # never detected, never scored as a question by the model
                rows.append(Row(name, chat.name, kind, is_question_label(label), False, {}))
                continue
            host = name_key(m.author_name) in hosts
            found = detect(m.text, from_host=host, peers=seen[id(m)])
            rule = found.kind is MessageKind.QUESTION
            feats = features(m.text, found, from_host=host, peers=seen[id(m)])
            rows.append(Row(name, chat.name, kind, is_question_label(label), rule, feats))
    return rows


def _scorable(rows: list[Row]) -> list[Row]:
    return [r for r in rows if r.feats]


def _probabilities(train: list[Row], test: list[Row], l2: float) -> np.ndarray:
    t = _scorable(train)
    head = fit([r.feats for r in t], [r.gold for r in t], l2=l2)
    p = head.probabilities([r.feats or {"none": 1.0} for r in test])
    return np.where([bool(r.feats) for r in test], p, 0.0)


def _fit_predict(train: list[Row], test: list[Row], l2: float, threshold: float) -> np.ndarray:
    return _probabilities(train, test, l2) >= threshold


def overturn_bound(test: list[Row], p: np.ndarray) -> str:
    """An upper bound, NOT a result: the best F1 of overturning the rule only where the model
    is confident (p < lo turns a rule question down, p > hi turns a non-question up), with lo and
    hi chosen on the TEST set itself."""
    gold = [r.gold for r in test]
    best = (prf(gold, [r.rule for r in test]), 0.0, 1.0)
    grid = np.round(np.arange(0.0, 1.0001, 0.05), 2)
    for lo in grid:
        for hi in grid:
            pred = [
                (r.rule and q >= lo) or (not r.rule and bool(r.feats) and q > hi)
                for r, q in zip(test, p, strict=True)
            ]
            score = prf(gold, pred)
            f1, best_f1 = _f1(score), _f1(best[0])
            if f1 > best_f1 + 1e-9:
                best = (score, float(lo), float(hi))
    (bp, br, *_), lo, hi = best
    return f"oracle overturn bound (lo={lo:.2f}, hi={hi:.2f} chosen on test): P {bp:.3f} R {br:.3f}"


def _f1(score: tuple[float, float, int, int, int]) -> float:
    _, _, tp, fp, fn = score
    return 2 * tp / max(2 * tp + fp + fn, 1)


def inner_threshold(train: list[Row], l2: float) -> float:
    """Best-F1 threshold on out-of-fold probabilities, folds = the development sets in train."""
    probs: list[float] = []
    golds: list[bool] = []
    for held in sorted({r.set for r in train if r.set != "fixtures"}):
        t = _scorable([r for r in train if r.set != held])
        v = _scorable([r for r in train if r.set == held])
        head = fit([r.feats for r in t], [r.gold for r in t], l2=l2)
        probs.extend(head.probabilities([r.feats for r in v]).tolist())
        golds.extend(r.gold for r in v)
    return best_threshold(np.asarray(probs), golds)


def prf(gold: list[bool], pred: list[bool]) -> tuple[float, float, int, int, int]:
    tp = sum(g and p for g, p in zip(gold, pred, strict=True))
    fp = sum(p and not g for g, p in zip(gold, pred, strict=True))
    fn = sum(g and not p for g, p in zip(gold, pred, strict=True))
    return (
        tp / (tp + fp) if tp + fp else 1.0,
        tp / (tp + fn) if tp + fn else 1.0,
        tp,
        fp,
        fn,
    )


def report(title: str, rows: list[Row], preds: list[bool], by: str) -> None:
    print(f"\n{title}")
    print(f"| {by} | Messages | Rules P | Rules R | +Model P | +Model R | Overturned |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    groups: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        groups[getattr(r, by)].append(i)
    groups["**all**"] = list(range(len(rows)))
    for g in sorted(groups, key=lambda k: (k == "**all**", k)):
        idx = groups[g]
        gold = [rows[i].gold for i in idx]
        rp, rr, *_ = prf(gold, [rows[i].rule for i in idx])
        mp, mr, *_ = prf(gold, [preds[i] for i in idx])
        flips = sum(preds[i] != rows[i].rule for i in idx)
        print(f"| {g} | {len(idx)} | {rp:.3f} | {rr:.3f} | {mp:.3f} | {mr:.3f} | {flips} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--loeo", action="store_true", help="also leave-one-event-out")
    parser.add_argument(
        "--no-rule",
        action="store_true",
        help="the model alone: drop the rule's kind and reason from the features",
    )
    args = parser.parse_args(argv)
    start = time.perf_counter()
    data = {name: read_set(name, folder) for name, folder in SETS.items()}
    fixtures = read_set("fixtures", FIXTURES)
    if args.no_rule:
        for r in fixtures + [r for rs in data.values() for r in rs]:
            r.feats = {k: v for k, v in r.feats.items() if not k.startswith(("kind=", "reason="))}
    print(
        f"read {sum(map(len, data.values())) + len(fixtures)} messages "
        f"in {time.perf_counter() - start:.1f}s; l2={args.l2}"
    )
    rows: list[Row] = []
    preds: list[bool] = []
    for held, test in data.items():
        train = fixtures + [r for name, rs in data.items() if name != held for r in rs]
        threshold = inner_threshold(train, args.l2)
        probs = _probabilities(train, test, args.l2)
        pred = probs >= threshold
        rows.extend(test)
        preds.extend(bool(p) for p in pred)
        flips = [(r, bool(p)) for r, p in zip(test, pred, strict=True) if bool(p) != r.rule]
        right = sum(p == r.gold for r, p in flips)
        print(f"{held}: threshold {threshold:.2f}; overturned {len(flips)} ({right} rightly)")
        if args.no_rule:
            print("   ", overturn_bound(test, probs))
    report("Leave-one-set-out, by set", rows, preds, "set")
    report("Leave-one-set-out, by kind of event", rows, preds, "kind")
    if args.loeo:
        every = fixtures + [r for rs in data.values() for r in rs]
        files = sorted({(r.set, r.file) for r in every if r.set != "fixtures"})
        lrows: list[Row] = []
        lpreds: list[bool] = []
        for s, f in files:
            test = [r for r in every if (r.set, r.file) == (s, f)]
            train = [r for r in every if (r.set, r.file) != (s, f)]
            lrows.extend(test)
            lpreds.extend(bool(p) for p in _fit_predict(train, test, args.l2, 0.5))
        report("Leave-one-event-out (threshold 0.5), by set", lrows, lpreds, "set")
    print(f"\ntotal {time.perf_counter() - start:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
