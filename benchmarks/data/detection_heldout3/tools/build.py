#!/usr/bin/env python3
"""Render events/<slug>.txt, events/<slug>.labels.jsonl and events/manifest.json
from tools/src/eNN_*.py.  Deterministic: timestamps come from random.Random(seed).

Usage: python3 tools/build.py [out_dir]   (default: ../events next to tools/)
"""
import importlib.util, json, pathlib, random, re, sys

HERE = pathlib.Path(__file__).resolve().parent
SRC = HERE / "src"
sys.path.insert(0, str(SRC))

HEADER_RE = {
    "oneline_en": r"^\d\d:\d\d:\d\d\t From  ",
    "header_en": r"^\d\d:\d\d:\d\d From ",
    "dated_en": r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d From ",
    "oneline_es": r"^\d\d:\d\d:\d\d\t De  ",
    "oneline_ja": r"^\d\d:\d\d:\d\d 開始 ",
    "header_ko": r"^\d\d:\d\d:\d\d 발신자 ",
    "cloud": r"^\d\d:\d\d:\d\d\t",
    "header_fr": r"^\d\d:\d\d:\d\d De  ",
    "header_nl": r"^\d\d:\d\d:\d\d Van  ",
}
ONE_LINE = {"oneline_en", "oneline_es", "oneline_ja", "cloud"}


def hms(s):
    return "%02d:%02d:%02d" % (s // 3600, s % 3600 // 60, s % 60)


def secs(t):
    h, m, s = map(int, t.split(":"))
    return h * 3600 + m * 60 + s


def recipient_shown(fmt, to, meta):
    """how a private recipient is displayed in the header (role suffix where the
    client shows one)."""
    hosts = meta["hosts"]
    if fmt == "dated_en" and to in hosts:
        return to + (" (Host)" if to == hosts[0] else " (Co-host)")
    if fmt == "header_fr" and to in hosts:
        return to + (" (hôte)" if to == hosts[0] else " (co-hôte)")
    return to


def render(fmt, t, date, sender, to, text, meta):
    lines = text.split("\n")
    shown = recipient_shown(fmt, to, meta) if to else None
    if fmt == "oneline_en":
        head = f"{t}\t From  {sender} : " if not to else f"{t}\t From  {sender}  to  {shown}(Privately) : "
        return [head + lines[0]] + lines[1:]
    if fmt == "oneline_es":
        head = f"{t}\t De  {sender} : " if not to else f"{t}\t De  {sender}  a  {shown}(En privado) : "
        return [head + lines[0]] + lines[1:]
    if fmt == "oneline_ja":
        head = f"{t} 開始 {sender} 終了 皆様 : " if not to else f"{t} 開始 {sender} 終了 {shown}（ダイレクトメッセージ） : "
        return [head + lines[0]] + lines[1:]
    if fmt == "cloud":
        assert not to, "cloud chat has no private messages"
        return [f"{t}\t{sender}:\t{lines[0]}"] + lines[1:]
    body = ["\t" + l for l in lines]
    if fmt == "header_en":
        head = f"{t} From {sender} to Everyone:" if not to else f"{t} From {sender} to {shown}(Direct Message):"
        return [head] + body
    if fmt == "dated_en":
        head = (f"{date} {t} From {sender} to Everyone:" if not to
                else f"{date} {t} From {sender} to {shown}(direct message):")
        return [head] + body + ["\t"]
    if fmt == "header_ko":
        head = f"{t} 발신자 {sender} 수신자 모두에게:" if not to else f"{t} 발신자 {sender} 수신자 {shown}(다이렉트 메시지):"
        return [head] + body
    if fmt == "header_fr":
        head = f"{t} De  {sender}  à  Tout le monde:" if not to else f"{t} De  {sender}  à  {shown}(Message direct):"
        return [head] + body
    if fmt == "header_nl":
        head = f"{t} Van  {sender}  aan  Iedereen:" if not to else f"{t} Van  {sender}  aan  {shown}(Direct bericht):"
        return [head] + body
    raise ValueError(fmt)


def load(path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.META, mod.MSGS


def build_event(meta, msgs, out):
    fmt = meta["format"]
    hosts = set(meta["hosts"])
    rng = random.Random(meta["seed"])
    t = secs(meta["start"])
    hdr = re.compile(HEADER_RE[fmt])
    out_lines, recs = [], []
    for n, m in enumerate(msgs):
        t += rng.randint(*meta.get("gap", (9, 62)))
        to = m.get("to")
        text = m["text"]
        assert text and text == text.strip("\n"), (meta["slug"], n)
        assert "\r" not in text and "\t" not in text, (meta["slug"], n)
        if m["sender"] in hosts or to:
            assert m["label"] == "other", (meta["slug"], n, "host/private must be other")
        if fmt == "cloud":
            assert not to
        block = render(fmt, hms(t), meta.get("date", ""), m["sender"], to, text, meta)
        for extra in block[1:]:
            assert not hdr.match(extra), (meta["slug"], n, "continuation looks like a header", extra)
        out_lines += block
        rec = {"n": n, "sender": m["sender"], "to": to or "Everyone", "text": text,
               "label": m["label"], "private": bool(to), "host": m["sender"] in hosts,
               "event_kind": meta["kind"]}
        if m.get("note"):
            rec["note"] = m["note"]
        recs.append(rec)
    nl = "\r\n" if meta["newline"] == "CRLF" else "\n"
    body = nl.join(out_lines) + nl
    enc = meta["encoding"]
    if enc == "utf-8":
        raw = body.encode("utf-8")
    elif enc == "utf-8-bom":
        raw = b"\xef\xbb\xbf" + body.encode("utf-8")
    elif enc == "utf-16-le-bom":
        raw = b"\xff\xfe" + body.encode("utf-16-le")
    else:
        raise ValueError(enc)
    slug = meta["slug"]
    (out / f"{slug}.txt").write_bytes(raw)
    with open(out / f"{slug}.labels.jsonl", "w", encoding="utf-8", newline="\n") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    return {"format": fmt, "encoding": enc, "line_endings": meta["newline"], "title": meta["title"],
            "hosts": meta["hosts"], "event_kind": meta["kind"], "languages": meta["languages"],
            "date": meta["date"], "messages": len(recs)}


def main():
    out = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent / "events"
    out.mkdir(parents=True, exist_ok=True)
    manifest = {}
    for p in sorted(SRC.glob("e[0-9][0-9]_*.py")):
        meta, msgs = load(p)
        manifest[meta["slug"]] = build_event(meta, msgs, out)
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"built {len(manifest)} events into {out}")


if __name__ == "__main__":
    main()
