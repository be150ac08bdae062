#!/usr/bin/env python3
"""Build themes.jsonl and langid.jsonl from the plain sources in src/.

Source formats (UTF-8, one item per line, blank lines and lines starting
with '#' are ignored):

  src/themes/<lang>.txt   THEME|STYLE|text[|note]
      THEME: P=policy C=civic S=system O=other
      STYLE: pl=plain pre=preamble ter=terse typo=typo noacc=no_accents
             low=lower cm=code_mixing dec=decoy noq=no_qmark ind=indirect
  src/langid/<lang>.txt   text[|note]

The output is deterministic: items are shuffled with a fixed seed and get
neutral ids (q0001..., m0001...) that reveal neither language nor label.
The counts section of README.md is regenerated from src/README.template.md.

Usage: python3 src/build.py   (from any directory)
"""
import collections
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

THEMES = {"P": "policy", "C": "civic", "S": "system", "O": "other"}
STYLES = {
    "pl": "plain", "pre": "preamble", "ter": "terse", "typo": "typo",
    "noacc": "no_accents", "low": "lower", "cm": "code_mixing",
    "dec": "decoy", "noq": "no_qmark", "ind": "indirect",
}
LANGS = ["en", "nl", "fr", "es", "pt", "sw", "de", "it", "ar", "am", "hi",
         "bn", "id", "so", "ha", "yo", "zu", "rw", "rn",
         "ti", "ur", "tl", "om", "ln", "wo"]
BIG6 = {"en", "nl", "fr", "es", "pt", "sw"}
MAIN = {"de", "it", "ar", "am", "hi", "bn", "id", "so", "ha", "yo", "zu",
        "rw", "rn"}
SEED_THEMES = 20240917
SEED_LANGID = 20240918

errors = []


def err(msg):
    errors.append(msg)


def read_lines(path):
    with open(path, encoding="utf-8") as fh:
        for n, raw in enumerate(fh, 1):
            line = raw.rstrip("\n").strip()
            if not line or line.startswith("#"):
                continue
            yield n, line


def load_themes():
    items = []
    for lang in LANGS:
        path = os.path.join(HERE, "themes", lang + ".txt")
        if not os.path.exists(path):
            continue
        for n, line in read_lines(path):
            parts = [p.strip() for p in line.split("|")]
            if len(parts) not in (3, 4):
                err(f"themes/{lang}.txt:{n}: expected 3 or 4 fields, got {len(parts)}")
                continue
            th, st, text = parts[:3]
            if th not in THEMES:
                err(f"themes/{lang}.txt:{n}: bad theme {th!r}")
                continue
            if st not in STYLES:
                err(f"themes/{lang}.txt:{n}: bad style {st!r}")
                continue
            if not text:
                err(f"themes/{lang}.txt:{n}: empty text")
                continue
            rec = {"text": text, "language": lang, "theme": THEMES[th],
                   "style": STYLES[st]}
            if len(parts) == 4 and parts[3]:
                rec["note"] = parts[3]
            items.append(rec)
    return items


def load_langid():
    items = []
    for lang in LANGS:
        path = os.path.join(HERE, "langid", lang + ".txt")
        if not os.path.exists(path):
            continue
        for n, line in read_lines(path):
            parts = [p.strip() for p in line.split("|")]
            if len(parts) not in (1, 2) or not parts[0]:
                err(f"langid/{lang}.txt:{n}: bad line")
                continue
            rec = {"text": parts[0], "language": lang}
            if len(parts) == 2 and parts[1]:
                rec["note"] = parts[1]
            items.append(rec)
    return items


def norm(t):
    return " ".join(t.lower().split())


def check_unique(items, name):
    seen = {}
    for it in items:
        k = norm(it["text"])
        if k in seen:
            err(f"{name}: duplicate text ({it['language']} / {seen[k]}): {it['text'][:60]}")
        seen[k] = it["language"]


def table(counter, rows, cols, row_label):
    head = "| " + row_label + " | " + " | ".join(cols) + " | total |"
    sep = "|" + "---|" * (len(cols) + 2)
    out = [head, sep]
    tot = collections.Counter()
    for r in rows:
        vals = [counter.get((r, c), 0) for c in cols]
        for c, v in zip(cols, vals):
            tot[c] += v
        out.append("| " + r + " | " + " | ".join(str(v) for v in vals)
                   + f" | {sum(vals)} |")
    out.append("| **all** | " + " | ".join(str(tot[c]) for c in cols)
               + f" | {sum(tot.values())} |")
    return "\n".join(out)


def main():
    themes = load_themes()
    langid = load_langid()
    check_unique(themes, "themes")
    check_unique(langid, "langid")
    tset = {norm(t["text"]) for t in themes}
    for it in langid:
        if norm(it["text"]) in tset:
            err(f"langid text also in themes: {it['text'][:60]}")

    # style sanity checks
    nonlatin = {"ar", "am", "hi", "bn", "ti", "ur"}
    for t in themes:
        x, st, lang = t["text"], t["style"], t["language"]
        if st == "lower" and x != x.lower():
            err(f"themes: 'lower' item has capitals: {x[:50]}")
        if st == "terse" and not 1 <= len(x.split()) <= 6:
            err(f"themes: 'terse' item too long: {x[:50]}")
        if st == "no_qmark" and ("?" in x or "\u061f" in x):
            err(f"themes: 'no_qmark' item has a question mark: {x[:50]}")
        if st == "no_accents" and lang not in nonlatin and any(
                ord(c) > 127 and c.isalpha() for c in x):
            err(f"themes: 'no_accents' item has accented letters: {x[:50]}")
        if st == "decoy" and not t.get("note", "").startswith("borderline"):
            err(f"themes: decoy without borderline note: {x[:50]}")

    # count checks
    per_lang = collections.Counter(t["language"] for t in themes)
    lt = collections.Counter((t["language"], t["theme"]) for t in themes)
    ls = collections.Counter((t["language"], t["style"]) for t in themes)
    for lang in LANGS:
        n = per_lang.get(lang, 0)
        need = 32 if lang in BIG6 else 24 if lang in MAIN else 1
        if n < need:
            err(f"themes: {lang} has {n} < {need}")
        th_counts = [lt.get((lang, th), 0) for th in THEMES.values()]
        if n and max(th_counts) - min(th_counts) > 1:
            err(f"themes: {lang} unbalanced themes {th_counts}")
    if len(themes) < 640:
        err(f"themes: only {len(themes)} items")
    lid_lang = collections.Counter(t["language"] for t in langid)
    for lang in LANGS:
        if per_lang.get(lang, 0) >= 24 and lid_lang.get(lang, 0) < 30:
            err(f"langid: {lang} has {lid_lang.get(lang, 0)} < 30")
    if len(langid) < 700:
        err(f"langid: only {len(langid)} items")

    if errors:
        for e in errors:
            print("ERROR:", e, file=sys.stderr)
        sys.exit(1)

    random.Random(SEED_THEMES).shuffle(themes)
    random.Random(SEED_LANGID).shuffle(langid)
    with open(os.path.join(ROOT, "themes.jsonl"), "w", encoding="utf-8") as fh:
        for i, it in enumerate(themes, 1):
            rec = {"id": f"q{i:04d}", **it}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    with open(os.path.join(ROOT, "langid.jsonl"), "w", encoding="utf-8") as fh:
        for i, it in enumerate(langid, 1):
            rec = {"id": f"m{i:04d}", **it}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")

    langs_present = [l for l in LANGS if per_lang.get(l) or lid_lang.get(l)]
    th_cols = list(THEMES.values())
    st_cols = list(STYLES.values())
    parts = []
    parts.append(f"themes.jsonl: {len(themes)} items in "
                 f"{len([l for l in LANGS if per_lang.get(l)])} languages; "
                 f"langid.jsonl: {len(langid)} messages in "
                 f"{len([l for l in LANGS if lid_lang.get(l)])} languages.")
    parts.append("### themes.jsonl: language x theme\n\n"
                 + table(lt, [l for l in LANGS if per_lang.get(l)], th_cols, "lang"))
    parts.append("### themes.jsonl: language x style\n\n"
                 + table(ls, [l for l in LANGS if per_lang.get(l)], st_cols, "lang"))
    nb = collections.Counter(t["language"] for t in themes
                             if t.get("note", "").startswith("borderline"))
    parts.append("### themes.jsonl: items noted \"borderline\" per language\n\n"
                 + ", ".join(f"{l}: {nb.get(l, 0)}" for l in LANGS if per_lang.get(l))
                 + f" (total {sum(nb.values())})")
    rows = ["| lang | messages | with note |", "|---|---|---|"]
    for l in LANGS:
        if lid_lang.get(l):
            nn = sum(1 for t in langid if t["language"] == l and t.get("note"))
            rows.append(f"| {l} | {lid_lang[l]} | {nn} |")
    rows.append(f"| **all** | {len(langid)} | {sum(1 for t in langid if t.get('note'))} |")
    parts.append("### langid.jsonl: messages per language\n\n" + "\n".join(rows))
    counts_md = "\n\n".join(parts)
    tpl_path = os.path.join(HERE, "README.template.md")
    with open(tpl_path, encoding="utf-8") as fh:
        tpl = fh.read()
    with open(os.path.join(ROOT, "README.md"), "w", encoding="utf-8") as fh:
        fh.write(tpl.replace("{{COUNTS}}", counts_md))
    print(counts_md)


if __name__ == "__main__":
    main()
