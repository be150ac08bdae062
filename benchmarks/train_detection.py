"""Train and check the learned layer on top of the detection rules (:mod:`bot.core.learned`).

    nice -n 10 python benchmarks/train_detection.py            # LOSO report + write the weights
    nice -n 10 python benchmarks/train_detection.py --loso     # report only
    nice -n 10 python benchmarks/train_detection.py --refresh  # recompute the rules' decisions

Data: the labelled detection sets ``benchmarks/data/detection_heldout`` (set 1) and
``detection_heldout3`` .. ``9``, read as ``benchmarks/eval_detection.py`` reads them (Zoom
reader, hosts inferred from the chat, participants so far as peers). Each set is described by
the rules **as they were frozen before that set was first scored** (:data:`FRESH`), so the
rules' errors in the training data are the errors they make on chat they were not tuned on;
the current rules get sets 1-8 almost right and would teach the model nothing. Those decisions
are computed once from the git history (``--refresh``: ``git archive`` of ``bot/`` at each
commit, run in a subprocess) and cached in ``benchmarks/data/detection_fresh_rules.json.gz``, so
training needs no git.

Model: L2 logistic regression (L2 1.0, fixed beforehand) over :func:`bot.core.learned.features`
of the messages the rules call a question (numpy L-BFGS, deterministic); the training rows are
each set's messages as its own fresh rules decided them plus, where they decided differently, as
older fresh rules did. Decision: a rules question with probability below the threshold is demoted
(reason ``learned``); nothing is promoted.

Leave-one-set-out: for each set, train on the other sets and test on it; the threshold is chosen
*inside* the training sets (inner leave-one-set-out over them, pooled out-of-fold): the best
precision among thresholds losing at most :data:`MAX_RECALL_LOSS` recall. The final model is
trained on all sets with the threshold chosen the same way over all sets (about 10 minutes on two
busy cores for the report, 2-3 for ``--no-loso``).
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.eval_detection import (  # noqa: E402
    _public,
    align,
    event_kind,
    is_question_label,
)
from bot.core.learned import DIM, WEIGHTS, Layer, features, index  # noqa: E402
from bot.sources.zoom import iter_chat_file  # noqa: E402
from models.head import _lbfgs  # noqa: E402

DATA = ROOT / "benchmarks" / "data"
#: Each set and the commit of the rules frozen before it was first scored (from the git log:
#: "Freeze detection rules ..." then "Fresh detection set N ... scored once").
FRESH = {
    "set1": ("detection_heldout", "73d4402"),
    "set3": ("detection_heldout3", "216f893"),
    "set4": ("detection_heldout4", "5337e54"),
    "set5": ("detection_heldout5", "e659a64"),
    "set6": ("detection_heldout6", "e659a64"),
    "set7": ("detection_heldout7", "e9c82bf"),
    "set8": ("detection_heldout8", "b30ea5c"),
    "set9": ("detection_heldout9", "e8a661e"),
}
#: The rules freezes in order: every one before a set's own is fresh for it too.
VERSIONS = ("73d4402", "216f893", "5337e54", "e659a64", "e9c82bf", "b30ea5c", "e8a661e")
CACHE = DATA / "detection_fresh_rules.json.gz"
#: L2 strength (fixed beforehand; 0.3 and 3.0 were not tried nested, for time).
L2 = 1.0
THRESHOLDS = tuple(float(t) for t in np.round(np.arange(0.02, 0.51, 0.02), 2))
#: How much pooled recall the threshold may cost (out of fold, inside the training sets).
MAX_RECALL_LOSS = 0.002

# A worker run with an old ``bot/`` first on sys.path: chats as JSON in, decisions out.
_WORKER = r"""
import inspect, json, sys
from bot.core.detect import detect
from bot.core.hosts import infer_hosts
from bot.core.text import name_key
try:
    from bot.core.hosts import Peers
except ImportError:
    Peers = None
takes_peers = "peers" in inspect.signature(detect).parameters
out = {}
for key, msgs in json.load(sys.stdin).items():
    hosts = infer_hosts((m["author"], m["text"]) for m in msgs if m["public"])
    peers = Peers() if Peers else None
    res = []
    for m in msgs:
        if not m["public"]:
            res.append(None)
            continue
        host = name_key(m["author"]) in hosts
        kw = {"from_host": host}
        if takes_peers and peers is not None:
            kw["peers"] = sorted(peers.without(m["author"]))
        d = detect(m["text"], **kw)
        if peers is not None:
            peers.add(m["author"], m["text"], host=host)
        res.append([d.kind.value, d.reason, host, kw.get("peers", [])])
    out[key] = res
json.dump(out, sys.stdout)
"""


@dataclass
class Row:
    """One labelled message: where it is from, the gold answer and the rules' view of it."""

    set: str
    file: str
    kind: str
    gold: bool
    rule: bool
    feats: dict[str, float]
    cols: np.ndarray | None = None
    vals: np.ndarray | None = None

    def hashed(self) -> tuple[np.ndarray, np.ndarray]:
        """The hashed columns and values of the features (computed once; collisions add up)."""
        if self.cols is None or self.vals is None:
            merged: dict[int, float] = {}
            for name, value in self.feats.items():
                j = index(name)
                merged[j] = merged.get(j, 0.0) + value
            keys = sorted(merged)
            self.cols = np.asarray(keys, dtype=np.int64)
            self.vals = np.asarray([merged[j] for j in keys], dtype=np.float64)
        return self.cols, self.vals


def _chats(folder: Path) -> dict[str, dict[str, Any]]:
    """Every labelled chat of a set: its messages (current Zoom reader), labels and kind."""
    events = folder / "events" if (folder / "events").is_dir() else folder
    out: dict[str, dict[str, Any]] = {}
    for chat in sorted(events.glob("*.txt")):
        path = chat.with_name(chat.stem + ".labels.jsonl")
        if not path.exists():
            continue
        labels = [json.loads(x) for x in path.read_text().splitlines() if x.strip()]
        messages = [m for b in iter_chat_file(chat, date(2026, 1, 1), UTC) for m in b]
        aligned = align(messages, labels)
        if aligned is None:
            continue
        index_of = {id(m): i for i, m in enumerate(messages)}
        out[chat.name] = {
            "kind": event_kind(chat, labels[:50]),
            "messages": [
                {
                    "author": m.author_name,
                    "text": m.text,
                    "public": _public(m),
                    "reply": bool(m.reply_to_snippet or m.reply_to_source_id),
                }
                for m in messages
            ],
            "labelled": [index_of[id(m)] for m in aligned],
            "gold": [is_question_label(label) for label in labels],
        }
    return out


def _run_rules(commit: str, chats: dict[str, dict[str, Any]]) -> dict[str, list[Any]]:
    """The decisions of the rules at ``commit`` (``git archive`` of ``bot/``, a subprocess)."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", commit, "bot"], check=True, capture_output=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        payload = json.dumps({k: v["messages"] for k, v in chats.items()})
        done = subprocess.run(
            [sys.executable, "-c", _WORKER],
            input=payload.encode(),
            capture_output=True,
            check=True,
            cwd=tmp,
            env={"PYTHONPATH": tmp, "PATH": "/usr/bin:/bin"},
        )
    return dict(json.loads(done.stdout))


def refresh() -> None:
    """Run every rules version that is fresh for a set over it and cache the decisions: the
    newest (the one the set was scored with) with the peers of each message, the older ones
    (extra training rows) with kind, reason and host only."""
    cache: dict[str, Any] = {}
    for name, (folder, commit) in FRESH.items():
        chats = _chats(DATA / folder)
        newest = _run_rules(commit, chats)
        for chat, info in chats.items():
            info["rules"] = newest[chat]
        older = {}
        for old in VERSIONS[: VERSIONS.index(commit)]:
            decisions = _run_rules(old, chats)
            older[old] = {chat: [d[:3] if d else None for d in decisions[chat]] for chat in chats}
        cache[name] = {"commit": commit, "chats": chats, "older": older}
        print(f"{name}: {len(chats)} chats, rules {commit} (+{len(older)} older)", file=sys.stderr)
    raw = (json.dumps(cache, ensure_ascii=False, sort_keys=True) + "\n").encode()
    CACHE.write_bytes(gzip.compress(raw, mtime=0))


def _prior_counts(messages: list[dict[str, Any]]) -> list[int]:
    """How many public messages each message's sender posted before it."""
    seen: dict[str, int] = defaultdict(int)
    out = []
    for m in messages:
        out.append(seen[m["author"]])
        if m["public"]:
            seen[m["author"]] += 1
    return out


def load_rows() -> tuple[dict[str, list[Row]], dict[str, list[Row]]]:
    """The labelled messages of every set with features from its own fresh rules (what is
    scored), and the extra training rows: the same messages as older fresh rules decided them,
    where that decision differs from every one already taken."""
    cache = json.loads(gzip.decompress(CACHE.read_bytes()))
    data: dict[str, list[Row]] = {}
    extra: dict[str, list[Row]] = {}
    for name in FRESH:
        rows: list[Row] = []
        more: list[Row] = []
        for chat, info in sorted(cache[name]["chats"].items()):
            prior = _prior_counts(info["messages"])
            older = [cache[name]["older"][v][chat] for v in sorted(cache[name]["older"])]
            for position, gold in zip(info["labelled"], info["gold"], strict=True):
                decision = info["rules"][position]
                if decision is None:  # private or a reaction: never a question
                    rows.append(Row(name, chat, info["kind"], gold, False, {}))
                    continue
                kind, reason, host, peers = decision
                message = info["messages"][position]
                taken = {(kind, reason, host)}
                for version in older:
                    other = tuple(version[position])
                    if other in taken:
                        continue
                    taken.add(other)
                    o_kind, o_reason, o_host = other
                    feats = features(
                        message["text"],
                        o_kind,
                        o_reason,
                        from_host=o_host,
                        peers=peers,
                        prior=prior[position],
                        reply=message["reply"],
                    )
                    more.append(Row(name, chat, info["kind"], gold, o_kind == "question", feats))
                feats = features(
                    message["text"],
                    kind,
                    reason,
                    from_host=host,
                    peers=peers,
                    prior=prior[position],
                    reply=message["reply"],
                )
                rows.append(Row(name, chat, info["kind"], gold, kind == "question", feats))
        data[name] = rows
        extra[name] = more
    return data, extra


# --- the model ---


def _csr(rows: list[Row]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row of each entry, column, value) of the hashed features of ``rows``."""
    parts = [r.hashed() for r in rows]
    row_of = np.repeat(np.arange(len(rows)), [len(c) for c, _ in parts])
    return row_of, np.concatenate([c for c, _ in parts]), np.concatenate([v for _, v in parts])


def fit(rows: list[Row], l2: float) -> np.ndarray:
    """L2 logistic regression weights over the hashed features (the ``bias`` feature is
    regularised like the others). Only the columns the rows use are optimised (the others stay
    0, as they would under L2); numpy L-BFGS, deterministic."""
    rows = [r for r in rows if r.feats]
    row_of, cols, vals = _csr(rows)
    used, compact = np.unique(cols, return_inverse=True)
    x = sparse.csr_matrix((vals, (row_of, compact)), shape=(len(rows), len(used)))
    xt = x.T.tocsr()
    y = np.asarray([r.gold for r in rows], dtype=np.float64)

    def objective(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ w
        loss = float(np.logaddexp(0.0, z).sum() - (y * z).sum()) + 0.5 * l2 * float(w @ w)
        g = 1.0 / (1.0 + np.exp(-z)) - y
        return loss, xt @ g + l2 * w

    weights = np.zeros(DIM)
    weights[used] = _lbfgs(objective, np.zeros(len(used)), max_iter=500, tol=1e-4)
    return weights


def probabilities(weights: np.ndarray, rows: list[Row]) -> np.ndarray:
    """P(question) of each row (0 for private messages and reactions)."""
    row_of, cols, vals = _csr(rows)
    z = np.bincount(row_of, weights=weights[cols] * vals, minlength=len(rows))
    return np.where([bool(r.feats) for r in rows], 1.0 / (1.0 + np.exp(-z)), 0.0)


def decide(rows: list[Row], p: np.ndarray, threshold: float) -> list[bool]:
    """Rules + layer: a rules question stays one unless its probability is below threshold."""
    return [r.rule and q >= threshold for r, q in zip(rows, p, strict=True)]


def prf(gold: list[bool], pred: list[bool]) -> tuple[float, float, int, int, int]:
    """Precision, recall, tp, fp, fn."""
    tp = sum(g and p for g, p in zip(gold, pred, strict=True))
    fp = sum(p and not g for g, p in zip(gold, pred, strict=True))
    fn = sum(g and not p for g, p in zip(gold, pred, strict=True))
    return (tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0, tp, fp, fn)


class Trainer:
    """Fits on every set but some, cached by the sets left out (the nested leave-one-set-out
    needs each "all but j and k" model twice). Training rows: the rules questions of the sets'
    own fresh decisions plus the older fresh decisions (:func:`load_rows`)."""

    def __init__(self, data: dict[str, list[Row]], extra: dict[str, list[Row]], l2: float):
        self.data, self.extra, self.l2 = data, extra, l2
        self._fits: dict[frozenset[str], np.ndarray] = {}

    def weights(self, left_out: frozenset[str]) -> np.ndarray:
        """The weights trained on every set not in ``left_out``."""
        if left_out not in self._fits:
            rows = [
                r
                for name in self.data
                if name not in left_out
                for r in self.data[name] + self.extra[name]
                if r.rule
            ]
            self._fits[left_out] = fit(rows, self.l2)
        return self._fits[left_out]


def choose(trainer: Trainer, sets: list[str], left_out: frozenset[str]) -> tuple[float, str]:
    """The demotion threshold by leave-one-set-out over ``sets`` (pooled out-of-fold
    probabilities): the best precision among thresholds that lose at most MAX_RECALL_LOSS
    pooled recall (ties: the lower threshold); 0 (never demote) if none gains."""
    rows = [r for name in sets for r in trainer.data[name]]
    probs = np.concatenate(
        [probabilities(trainer.weights(left_out | {name}), trainer.data[name]) for name in sets]
    )
    gold = [r.gold for r in rows]
    base_p, base_r, *_ = prf(gold, [r.rule for r in rows])
    best = (base_p, base_r, 0.0)
    for t in THRESHOLDS:
        mp, mr, *_ = prf(gold, decide(rows, probs, t))
        if mr >= base_r - MAX_RECALL_LOSS and mp > best[0] + 1e-9:
            best = (mp, mr, t)
    return best[2], f"inner {base_p:.3f}/{base_r:.3f} -> {best[0]:.3f}/{best[1]:.3f}"


def loso(trainer: Trainer) -> None:
    """Leave-one-set-out report: rules vs rules + layer, per set and per kind of event."""
    data = trainer.data
    print(
        "| Held-out set | Threshold | Rules P | Rules R | +Layer P | +Layer R | "
        "Kinds >= 0.95 P and R (rules -> layer) | Demoted (of them questions) |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    all_rows: list[Row] = []
    all_pred: list[bool] = []
    for held, test in data.items():
        others = [name for name in data if name != held]
        t, note = choose(trainer, others, frozenset({held}))
        w = trainer.weights(frozenset({held}))
        pred = decide(test, probabilities(w, test), t) if t > 0 else [r.rule for r in test]
        gold = [r.gold for r in test]
        rp, rr, *_ = prf(gold, [r.rule for r in test])
        mp, mr, *_ = prf(gold, pred)
        kinds: dict[str, list[int]] = defaultdict(list)
        for i, r in enumerate(test):
            kinds[r.kind].append(i)
        ok_rules = ok_layer = 0
        for idx in kinds.values():
            g = [gold[i] for i in idx]
            a = prf(g, [test[i].rule for i in idx])
            b = prf(g, [pred[i] for i in idx])
            ok_rules += a[0] >= 0.95 and a[1] >= 0.95
            ok_layer += b[0] >= 0.95 and b[1] >= 0.95
        demoted = sum(r.rule and not p for r, p in zip(test, pred, strict=True))
        wrong = sum(r.rule and not p and r.gold for r, p in zip(test, pred, strict=True))
        print(
            f"| {held} | {t:.2f} | {rp:.3f} | {rr:.3f} | {mp:.3f} | {mr:.3f} | "
            f"{ok_rules}/{len(kinds)} -> {ok_layer}/{len(kinds)} | {demoted} ({wrong}) |"
            f" <!-- {note} -->",
            flush=True,
        )
        all_rows.extend(test)
        all_pred.extend(pred)
    gold = [r.gold for r in all_rows]
    rp, rr, *_ = prf(gold, [r.rule for r in all_rows])
    mp, mr, *_ = prf(gold, all_pred)
    print(f"| **all** | | {rp:.3f} | {rr:.3f} | {mp:.3f} | {mr:.3f} | | |", flush=True)


def main(argv: list[str] | None = None) -> int:
    """Refresh the cache if asked, report leave-one-set-out, train and save the final layer."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--refresh", action="store_true", help="recompute the cached decisions")
    parser.add_argument("--loso", action="store_true", help="leave-one-set-out report only")
    parser.add_argument("--no-loso", action="store_true", help="only train and save")
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    if args.refresh or not CACHE.exists():
        refresh()
    data, extra = load_rows()
    print(f"{sum(map(len, data.values()))} messages in {len(data)} sets", file=sys.stderr)
    trainer = Trainer(data, extra, L2)
    if not args.no_loso:
        loso(trainer)
    if not args.loso:
        t, note = choose(trainer, list(data), frozenset())
        Layer(trainer.weights(frozenset()), t).save(args.out)
        print(f"final: L2 {L2}, demote below {t:.2f} ({note}); wrote {args.out}")
    print(f"{time.perf_counter() - start:.0f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
