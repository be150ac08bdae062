"""Score question detection on labelled Zoom chats: precision and recall per kind of event.

    python benchmarks/eval_detection.py [SET_DIR ...] [--errors] [--json]

A set is a folder with ``events/*.txt`` (saved Zoom chats) and, next to each chat,
``NAME.labels.jsonl``: one JSON object per message, in chat order. A label says whether the
message is a question for the panel: ``{"question": true}`` / ``{"is_question": true}``, or a class
name in ``label``/``kind``/``class`` (``"question"`` is the positive class). Labels may cover every
message or only the public, non-reaction ones; the script aligns by order with whichever matches
the count, and reports a file whose count matches neither (or that does not parse) as a parser
failure. The kind of event is the label's ``event_kind`` (or ``kind_of_event``), else the file name
without its trailing number.

Each file is read with the Zoom reader, hosts are inferred from the file's public messages
(:func:`bot.core.hosts.infer_hosts`), the participants who chatted before a message are its
possible addressees (:class:`bot.core.hosts.Peers`), and a message counts as detected when it is public, not a
reaction, and :func:`bot.core.detect.detect` calls it a question and the learned layer
(:func:`bot.core.learned.refine`, with ``--learned``, as ``[detection] learned = true``) does not
turn it down; by default the rules alone are scored, as the bot ships. Default set: the held-out set
shipped in ``benchmarks/data/detection_heldout`` (or the development fixtures if it is missing).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.core.detect import detect  # noqa: E402
from bot.core.hosts import Peers, infer_hosts  # noqa: E402
from bot.core.learned import refine  # noqa: E402
from bot.core.model import ChatMessage, MessageKind  # noqa: E402
from bot.core.text import name_key  # noqa: E402
from bot.errors import BarazaError  # noqa: E402
from bot.sources.zoom import iter_chat_file  # noqa: E402

DEFAULT_SETS = (
    ROOT / "benchmarks" / "data" / "detection_heldout",
    ROOT / "tests" / "fixtures" / "detection_dev",
)


@dataclass
class Score:
    files: int = 0
    messages: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def is_question_label(label: dict[str, Any]) -> bool:
    """The gold answer of one label line."""
    for key in ("question", "is_question"):
        if key in label:
            return bool(label[key])
    for key in ("label", "kind", "class", "category"):
        if isinstance(label.get(key), str):
            return str(label[key]).strip().lower() == "question"
    raise ValueError(f"label without a question field: {label}")


def _json(path: Path) -> dict[str, Any]:
    return dict(json.loads(path.read_text())) if path.exists() else {}


def event_kind(path: Path, labels: list[dict[str, Any]]) -> str:
    """The kind of event: ``kinds.json`` or ``manifest.json`` in the set, a label field, the slug."""
    for meta in (path.parent / "kinds.json", path.parent.parent / "kinds.json"):
        if isinstance(kind := _json(meta).get(path.stem), str):
            return kind
    entry = _json(path.parent / "manifest.json").get(path.stem, {})
    if isinstance(entry, dict) and isinstance(entry.get("kind"), str):
        return str(entry["kind"])
    for label in labels:
        for key in ("event_kind", "kind_of_event", "event_type"):
            if isinstance(label.get(key), str):
                return str(label[key])
    return re.sub(r"[_\-\s]*\d+$", "", path.stem) or path.stem


def _public(m: ChatMessage) -> bool:
    return not m.is_private and m.reaction is None


def align(messages: list[ChatMessage], labels: list[dict[str, Any]]) -> list[ChatMessage] | None:
    """The messages the labels describe, by order, or None when no reading matches the count."""
    for candidate in (messages, [m for m in messages if _public(m)]):
        if len(candidate) == len(labels):
            return candidate
    return None


def configured_hosts(chat: Path) -> list[str]:
    """Hosts an organiser would put in ``[event] hosts``: the set's ``manifest.json`` lists them."""
    entry = _json(chat.parent / "manifest.json").get(chat.stem, {})
    return list(entry.get("hosts", [])) if isinstance(entry, dict) else []


def score_file(
    chat: Path,
    score: Score,
    failures: list[str],
    show_errors: bool,
    use_config: bool,
    learned: bool = True,
) -> None:
    labels_path = chat.with_name(chat.stem + ".labels.jsonl")
    labels = [json.loads(line) for line in labels_path.read_text().splitlines() if line.strip()]
    try:
        messages = [m for batch in iter_chat_file(chat, date(2026, 1, 1), UTC) for m in batch]
    except BarazaError as exc:
        failures.append(f"{chat.name}: {exc}")
        return
    aligned = align(messages, labels)
    if aligned is None:
        public = sum(1 for m in messages if _public(m))
        failures.append(
            f"{chat.name}: {len(labels)} labels, {len(messages)} messages parsed ({public} public)"
        )
        return
    hosts = infer_hosts(
        ((m.author_name, m.text) for m in messages if _public(m)),
        configured_hosts(chat) if use_config else (),
    )
    score.files += 1
    # who has chatted so far, for "@Name ..." / "Name, ..." questions to fellow participants
    peers = Peers()
    seen: dict[int, set[str]] = {}
    prior: dict[int, int] = {}  # the sender's public messages before this one
    to_speaker: dict[int, bool] = {}
    posted: dict[str, int] = defaultdict(int)
    for message in messages:
        if _public(message):
            seen[id(message)] = peers.without(message.author_name)
            prior[id(message)] = posted[message.author_name]
            to_speaker[id(message)] = peers.addresses_speaker(message.text)
            posted[message.author_name] += 1
            host = name_key(message.author_name) in hosts
            peers.add(message.author_name, message.text, host=host)
    for message, label in zip(aligned, labels, strict=True):
        score.messages += 1
        gold = is_question_label(label)
        predicted = False
        reason = "private" if message.is_private else "reaction"
        if _public(message):
            host = name_key(message.author_name) in hosts
            found = detect(message.text, from_host=host, peers=seen[id(message)])
            if learned:
                found = refine(
                    found,
                    message.text,
                    from_host=host,
                    peers=seen[id(message)],
                    prior=prior[id(message)],
                    reply=bool(message.reply_to_snippet or message.reply_to_source_id),
                    to_speaker=to_speaker[id(message)],
                )
            predicted, reason = found.kind is MessageKind.QUESTION, found.reason
        if predicted and gold:
            score.tp += 1
        elif predicted:
            score.fp += 1
        elif gold:
            score.fn += 1
        if show_errors and predicted != gold:
            tag = "FP" if predicted else "FN"
            score.errors.append(f"{tag} [{reason}] {chat.name}: {message.text[:100]!r}")


def evaluate(
    sets: list[Path], show_errors: bool = False, use_config: bool = False, learned: bool = True
) -> tuple[dict[str, Score], list[str]]:
    by_kind: dict[str, Score] = defaultdict(Score)
    failures: list[str] = []
    for folder in sets:
        events = folder / "events" if (folder / "events").is_dir() else folder
        for chat in sorted(events.glob("*.txt")):
            if not chat.with_name(chat.stem + ".labels.jsonl").exists():
                continue
            labels_head = chat.with_name(chat.stem + ".labels.jsonl").read_text().splitlines()[:50]
            kind = event_kind(chat, [json.loads(x) for x in labels_head if x.strip()])
            score_file(chat, by_kind[kind], failures, show_errors, use_config, learned)
    return dict(by_kind), failures


def table(by_kind: dict[str, Score]) -> str:
    total = Score()
    rows = [
        "| Kind of event | Files | Messages | Precision | Recall |",
        "|---|---:|---:|---:|---:|",
    ]
    for kind in sorted(by_kind):
        s = by_kind[kind]
        rows.append(f"| {kind} | {s.files} | {s.messages} | {s.precision:.3f} | {s.recall:.3f} |")
        total.files += s.files
        total.messages += s.messages
        total.tp, total.fp, total.fn = total.tp + s.tp, total.fp + s.fp, total.fn + s.fn
    rows.append(
        f"| **all** | {total.files} | {total.messages} | {total.precision:.3f} | "
        f"{total.recall:.3f} |"
    )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path, help="labelled set folders")
    parser.add_argument("--errors", action="store_true", help="list false positives/negatives")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument(
        "--configured-hosts",
        action="store_true",
        help="also use the hosts listed in the set's manifest.json, as [event] hosts would",
    )
    parser.add_argument(
        "--learned",
        action="store_true",
        help="the rules plus the opt-in learned layer ([detection] learned = true)",
    )
    parser.add_argument(
        "--rules-only",
        action="store_true",
        help="the hand-written rules alone (the default, as shipped; kept for old commands)",
    )
    args = parser.parse_args(argv)
    sets = args.sets or [next(p for p in DEFAULT_SETS if p.exists())]
    by_kind, failures = evaluate(
        sets, args.errors, args.configured_hosts, learned=args.learned and not args.rules_only
    )
    if args.json:
        print(
            json.dumps(
                {
                    "by_kind": {
                        k: {
                            "files": s.files,
                            "messages": s.messages,
                            "precision": s.precision,
                            "recall": s.recall,
                            "tp": s.tp,
                            "fp": s.fp,
                            "fn": s.fn,
                        }
                        for k, s in by_kind.items()
                    },
                    "parser_failures": failures,
                },
                indent=2,
            )
        )
        return 0
    print("Sets:", ", ".join(str(s) for s in sets))
    print("Hosts:", "configured + inferred" if args.configured_hosts else "inferred from the chat")
    print(
        "Detection:",
        "rules + learned layer" if args.learned and not args.rules_only else "rules only",
    )
    print(table(by_kind))
    print(f"\nParser failures: {len(failures)}")
    for failure in failures:
        print("  -", failure)
    for s in by_kind.values():
        for error in s.errors:
            print(error)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
