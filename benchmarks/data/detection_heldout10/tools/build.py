#!/usr/bin/env python3
"""Render tools/src/eNN_*.txt (message lists) into events/<slug>.txt, .labels.jsonl and manifest.json.

Source format: a block of `key: value` meta lines, a line `---`, then one message per line:
    q | Sender | text                 question
    l | Sender | text                 logistics
    o | Sender | text                 other
    p | Sender > Recipient | text     private (always labelled other)
`\\n` inside text is a line break; ` ## ` starts the note for the hard cases.
Timestamps come from random.Random(slug), so the output is deterministic.
"""
import json, random, pathlib, sys

ROOT = pathlib.Path(__file__).resolve().parent
OUT = ROOT.parent / "events"
LABEL = {"q": "question", "l": "logistics", "o": "other", "p": "other"}


def parse(path):
    meta, msgs, body = {}, [], False
    for ln, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        if not body:
            if raw.strip() == "---":
                body = True
                continue
            k, v = raw.split(":", 1)
            meta[k.strip()] = v.strip()
            continue
        code, who, text = [x.strip() for x in raw.split(" | ", 2)]
        note = None
        if " ## " in text:
            text, note = [x.strip() for x in text.split(" ## ", 1)]
        to = "Everyone"
        if code == "p":
            who, to = [x.strip() for x in who.split(" > ")]
        msgs.append(dict(code=code, sender=who, to=to, text=text.replace("\\n", "\n"), note=note, line=ln))
    return meta, msgs


def fmt_time(sec):
    return f"{sec // 3600:02d}:{sec % 3600 // 60:02d}:{sec % 60:02d}"


def render(fmt, t, date, m):
    s, to, lines = m["sender"], m["to"], m["text"].split("\n")
    priv = m["code"] == "p"
    ts = fmt_time(t)
    tab = ["\t" + x for x in lines]
    if fmt == "oneline_en":
        h = f"{ts}\t From  {s}  to  {to}(Privately) : " if priv else f"{ts}\t From  {s} : "
        return [h + lines[0]] + lines[1:]
    if fmt == "oneline_es":
        h = f"{ts}\t De  {s}  a  {to}(En privado) : " if priv else f"{ts}\t De  {s} : "
        return [h + lines[0]] + lines[1:]
    if fmt == "oneline_ja":
        h = f"{ts} 開始 {s} 終了 {to}（ダイレクトメッセージ） : " if priv else f"{ts} 開始 {s} 終了 皆様 : "
        return [h + lines[0]] + lines[1:]
    if fmt == "cloud":
        assert not priv, "cloud chat has no private messages"
        return [f"{ts}\t{s}:\t{lines[0]}"] + lines[1:]
    if fmt == "header_en":
        return [f"{ts} From {s} to {to}(Direct Message):" if priv else f"{ts} From {s} to Everyone:"] + tab
    if fmt == "dated_en":
        return [f"{date} {ts} From {s} to {to}(direct message):" if priv else f"{date} {ts} From {s} to Everyone:"] + tab + ["\t"]
    if fmt == "header_ko":
        return [f"{ts} 발신자 {s} 수신자 {to}(다이렉트 메시지):" if priv else f"{ts} 발신자 {s} 수신자 모두에게:"] + tab
    if fmt == "header_fr":
        return [f"{ts} De  {s}  à  {to}(Message direct):" if priv else f"{ts} De  {s}  à  Tout le monde:"] + tab
    if fmt == "header_nl":
        return [f"{ts} Van  {s}  aan  {to}(Direct bericht):" if priv else f"{ts} Van  {s}  aan  Iedereen:"] + tab
    raise ValueError(fmt)


def main():
    OUT.mkdir(exist_ok=True)
    for old in list(OUT.glob("*.txt")) + list(OUT.glob("*.labels.jsonl")):
        old.unlink()  # stale outputs of renamed sources
    manifest = {}
    for src in sorted((ROOT / "src").glob("*.txt")):
        meta, msgs = parse(src)
        slug, fmt = meta["slug"], meta["format"]
        hosts = [h.strip() for h in meta["hosts"].split(";")]
        rng = random.Random(slug)
        h, mi, se = [int(x) for x in meta.get("start", "00:00:00").split(":")]
        t = h * 3600 + mi * 60 + se
        out, recs = [], []
        for n, m in enumerate(msgs):
            t += rng.randint(4, 75)
            out += render(fmt, t, meta.get("date", ""), m)
            host = m["sender"] in hosts
            if host and m["code"] not in ("o", "p"):
                sys.exit(f"{src.name}:{m['line']}: host message must be other")
            r = {"n": n, "sender": m["sender"], "to": m["to"], "text": m["text"],
                 "label": LABEL[m["code"]], "private": m["code"] == "p", "host": host,
                 "event_kind": meta["kind"]}
            if m["note"]:
                r["note"] = m["note"]
            recs.append(r)
        eol = "\r\n" if meta["eol"] == "crlf" else "\n"
        data = eol.join(out) + eol
        enc = meta["encoding"]
        if enc == "utf-16-le-bom":
            raw = b"\xff\xfe" + data.encode("utf-16-le")
        elif enc == "utf-8-bom":
            raw = b"\xef\xbb\xbf" + data.encode("utf-8")
        else:
            raw = data.encode("utf-8")
        (OUT / f"{slug}.txt").write_bytes(raw)
        (OUT / f"{slug}.labels.jsonl").write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
        manifest[slug] = {"format": fmt, "encoding": enc, "line_endings": meta["eol"].upper(),
                          "title": meta["title"], "hosts": hosts, "event_kind": meta["kind"],
                          "languages": meta.get("languages", "")}
    (OUT / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"built {len(manifest)} events")


if __name__ == "__main__":
    main()
