"""Build corpus round 7 from the five spent held-out sets (run from the repository root).

    python models/corpus/round7/build.py

The five fresh theme sets scored once each after earlier freezes (``models/heldout/*.jsonl``,
``models/heldout_fresh2..5/themes.jsonl``) are spent as held-out sets, so their questions become
training data here: one line per question in ``models/corpus/round7/<lang>.jsonl`` with the
corpus fields (``text``, ``theme``, ``lang``, ``template``, ``style``) plus provenance
(``source``: the set's file and the question's id or line; ``source_style``: the set's own style
tag). The original files stay where they are (their reports cite them).

- Template: one per question (``r7-<set>-<id>``), except in ``models/heldout`` where the set's
  own template ids (paraphrase groups) are kept with the same prefix.
- Style: the sets' finer tags are mapped to the corpus's two (:data:`CHAT_STYLES` -> ``chat``,
  anything else -> ``formal``).
- Skipped: a question without a theme label or with an unknown theme, and any text whose
  normalised form (NFKC, case-folded, whitespace collapsed) is already in the corpus or earlier
  in this round (sets read in the order of :data:`SOURCES`).

Deterministic: the same inputs give byte-identical files.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
MODELS = ROOT / "models"
OUT = Path(__file__).resolve().parent
THEMES = ("policy", "civic", "system", "other")
#: (set name used in ids, files) in the order they are read; the first copy of a text wins.
SOURCES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("fresh1", tuple(f"heldout/{lang}.jsonl" for lang in ("en", "nl", "fr", "es", "pt", "sw"))),
    ("fresh2", ("heldout_fresh2/themes.jsonl",)),
    ("fresh3", ("heldout_fresh3/themes.jsonl",)),
    ("fresh4", ("heldout_fresh4/themes.jsonl",)),
    ("fresh5", ("heldout_fresh5/themes.jsonl",)),
)
#: The sets' style tags that read as quick chat; the rest (plain, preamble, indirect, decoy...)
#: become ``formal``.
CHAT_STYLES = frozenset(
    {
        "chat", "terse", "typo", "typos", "lower", "lowercase", "no_qmark", "no_accents",
        "code_mix", "code_mixed", "code_mixing",
    }
)  # fmt: skip


def norm(text: str) -> str:
    """The dedupe key: NFKC, case-folded, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def main() -> None:
    """Write ``<lang>.jsonl`` for every language of round 7 and print what was kept/skipped."""
    seen = set()
    for path in sorted((MODELS / "corpus").glob("*.jsonl")):
        for line in path.open(encoding="utf-8"):
            if line.strip():
                seen.add(norm(json.loads(line)["text"]))
    rows: dict[str, list[dict[str, str]]] = {}
    skipped: Counter[str] = Counter()
    kept: Counter[str] = Counter()
    for name, files in SOURCES:
        for rel in files:
            for lineno, line in enumerate((MODELS / rel).open(encoding="utf-8"), start=1):
                if not line.strip():
                    continue
                obj = json.loads(line)
                theme = obj.get("theme")
                if theme not in THEMES:
                    skipped[f"{name}: no theme"] += 1
                    continue
                text = str(obj["text"]).strip()
                if norm(text) in seen:
                    skipped[f"{name}: duplicate"] += 1
                    continue
                seen.add(norm(text))
                lang = str(obj.get("lang") or obj["language"])
                style = str(obj.get("style", ""))
                ref = str(obj.get("template") or obj.get("id") or f"line{lineno}")
                rows.setdefault(lang, []).append(
                    {
                        "text": text,
                        "theme": theme,
                        "lang": lang,
                        "template": f"r7-{name}-{ref}",
                        "style": "chat" if style in CHAT_STYLES else "formal",
                        "source": f"models/{rel}#{obj.get('id') or f'line{lineno}'}",
                        "source_style": style,
                        "round": "7: spent held-out sets",
                    }
                )
                kept[name] += 1
    for old in OUT.glob("*.jsonl"):
        old.unlink()
    for lang in sorted(rows):
        with (OUT / f"{lang}.jsonl").open("w", encoding="utf-8") as fh:
            for row in rows[lang]:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print("kept", dict(kept), "total", sum(kept.values()))
    print("skipped", dict(skipped))
    print("by lang", {lang: len(r) for lang, r in sorted(rows.items())})


if __name__ == "__main__":
    main()
