"""Assemble src/<lang>.py into themes.jsonl (shuffled with a fixed seed, ids q0001...) and validate."""

import importlib.util
import json
import random
from collections import Counter
from pathlib import Path

HERE = Path(__file__).parent
EXPECTED = {
    "en": 30, "nl": 25, "fr": 25, "es": 25, "pt": 25, "sw": 25, "de": 20, "it": 15,
    "id": 20, "ar": 20, "hi": 20, "bn": 20, "am": 20, "so": 20, "ha": 20, "yo": 20,
    "zu": 20, "rw": 20, "rn": 20,
    "tl": 10, "ur": 10, "ln": 10, "ny": 10, "wo": 10, "ti": 10, "om": 10, "xh": 10, "lg": 10,
}
THEMES = ("policy", "civic", "system", "other")
STYLES = {"plain", "preamble", "typo", "no_accents", "lowercase", "code_mix", "terse", "decoy", "no_qmark", "indirect"}
SEED = 20261204


def load(lang: str) -> list:
    """Load ITEMS from src/<lang>.py."""
    spec = importlib.util.spec_from_file_location(lang, HERE / "src" / f"{lang}.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.ITEMS


def main() -> None:
    """Build, validate and print count tables."""
    rows = []
    for lang, n in EXPECTED.items():
        items = load(lang)
        assert len(items) == n, (lang, len(items), n)
        for it in items:
            theme, style, text = it[0], it[1], it[2].strip()
            assert theme in THEMES and style in STYLES, (lang, it)
            if style == "terse":
                assert 2 <= len(text.split()) <= 5, (lang, text)
            row = {"text": text, "language": lang, "theme": theme, "style": style}
            if len(it) > 3:
                row["note"] = it[3]
            rows.append(row)
    texts = [r["text"] for r in rows]
    assert len(set(texts)) == len(texts), [t for t, c in Counter(texts).items() if c > 1]
    random.Random(SEED).shuffle(rows)
    out = []
    for i, r in enumerate(rows, 1):
        out.append({"id": f"q{i:04d}", **r})
    with open(HERE / "themes.jsonl", "w", encoding="utf-8") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    # re-read and validate
    lines = (HERE / "themes.jsonl").read_text(encoding="utf-8").splitlines()
    parsed = [json.loads(x) for x in lines]
    assert len({p["id"] for p in parsed}) == len(parsed)
    assert Counter(p["language"] for p in parsed) == Counter(EXPECTED)
    print(f"Total: {len(parsed)}\n")
    print("Themes:", dict(Counter(p["theme"] for p in parsed)), "\n")
    print("| lang | n | " + " | ".join(THEMES) + " |\n|---|---|---|---|---|---|")
    for lang in sorted(EXPECTED):
        c = Counter(p["theme"] for p in parsed if p["language"] == lang)
        print(f"| {lang} | {sum(c.values())} | " + " | ".join(str(c[t]) for t in THEMES) + " |")
    print("\n| style | n | " + " | ".join(THEMES) + " |\n|---|---|---|---|---|---|")
    for st in sorted(STYLES):
        c = Counter(p["theme"] for p in parsed if p["style"] == st)
        print(f"| {st} | {sum(c.values())} | " + " | ".join(str(c[t]) for t in THEMES) + " |")


if __name__ == "__main__":
    main()
