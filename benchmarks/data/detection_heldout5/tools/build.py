#!/usr/bin/env python3
"""Render events/<slug>.txt, events/<slug>.labels.jsonl and events/manifest.json
from the message lists in tools/src/eNN_*.txt.

Source format (one file per event):
  key: value lines (slug, title, format, encoding, newline, kind, date, start, hosts)
  a line '---'
  one message per line:  <code> <sender> | <text>  [ ## note]
     code q = question, l = logistics, o = other (public)
     code p = private; the sender part is 'Sender -> Recipient' (label other, private true)
  In <text>, a literal \\n separates lines of a multi-line message.
Timestamps come from a seeded RNG, so the output is deterministic.
"""
import json, pathlib, random, datetime

ROOT = pathlib.Path(__file__).resolve().parent.parent
SRC, OUT = ROOT / "tools" / "src", ROOT / "events"
LAB = {"q": "question", "l": "logistics", "o": "other", "p": "other"}


def parse(path):
    meta, msgs = {}, []
    head, body = path.read_text(encoding="utf-8").split("\n---\n", 1)
    for line in head.splitlines():
        if line.strip():
            k, v = line.split(":", 1)
            meta[k.strip()] = v.strip()
    for ln, line in enumerate(body.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        code, rest = line.split(" ", 1)
        who, text = rest.split(" | ", 1)
        note = None
        if " ## " in text:
            text, note = text.split(" ## ", 1)
        to = "Everyone"
        if code == "p":
            who, to = [s.strip() for s in who.split(" -> ")]
        msgs.append(dict(code=code, sender=who.strip(), to=to, text=text.replace("\\n", "\n"), note=note))
    meta["hosts"] = [h.strip() for h in meta.get("hosts", "").split(";") if h.strip()]
    return meta, msgs


def header(fmt, t, date, m, priv):
    s, to = m["sender"], m["to"]
    if fmt == "oneline_en":
        return f"{t}\t From  {s}  to  {to}(Privately) : " if priv else f"{t}\t From  {s} : "
    if fmt == "header_en":
        return f"{t} From {s} to {to}(Direct Message):" if priv else f"{t} From {s} to Everyone:"
    if fmt == "dated_en":
        return f"{date} {t} From {s} to {to}(direct message):" if priv else f"{date} {t} From {s} to Everyone:"
    if fmt == "oneline_es":
        return f"{t}\t De  {s}  a  {to}(En privado) : " if priv else f"{t}\t De  {s} : "
    if fmt == "oneline_ja":
        return f"{t} 開始 {s} 終了 {to}（ダイレクトメッセージ） : " if priv else f"{t} 開始 {s} 終了 皆様 : "
    if fmt == "header_ko":
        return f"{t} 발신자 {s} 수신자 {to}(다이렉트 메시지):" if priv else f"{t} 발신자 {s} 수신자 모두에게:"
    if fmt == "cloud":
        assert not priv, "cloud chat has no private messages"
        return f"{t}\t{s}:\t"
    if fmt == "header_fr":
        return f"{t} De  {s}  à  {to}(Message direct):" if priv else f"{t} De  {s}  à  Tout le monde:"
    if fmt == "header_nl":
        return f"{t} Van  {s}  aan  {to}(Direct bericht):" if priv else f"{t} Van  {s}  aan  Iedereen:"
    raise ValueError(fmt)


ONE_LINE = {"oneline_en", "oneline_es", "oneline_ja", "cloud"}


def render(meta, msgs, seed):
    rng = random.Random(seed)
    fmt = meta["format"]
    if fmt == "cloud":
        cur = datetime.datetime(2000, 1, 1, 0, 0, 0) + datetime.timedelta(seconds=rng.randint(20, 90))
    else:
        cur = datetime.datetime.strptime(meta["date"] + " " + meta["start"], "%Y-%m-%d %H:%M:%S")
    out, recs = [], []
    for n, m in enumerate(msgs):
        cur += datetime.timedelta(seconds=rng.randint(8, 75))
        t = cur.strftime("%H:%M:%S")
        priv = m["code"] == "p"
        lines = m["text"].split("\n")
        h = header(fmt, t, meta.get("date", ""), m, priv)
        if fmt in ONE_LINE:
            out.append(h + lines[0])
            out.extend(lines[1:])
        else:
            out.append(h)
            out.extend("\t" + l for l in lines)
            if fmt == "dated_en":
                out.append("\t")
        r = {"n": n, "sender": m["sender"], "to": m["to"], "text": m["text"], "label": LAB[m["code"]],
             "private": priv, "host": m["sender"] in meta["hosts"], "event_kind": meta["kind"]}
        if m["note"]:
            r["note"] = m["note"]
        recs.append(r)
    return out, recs


def main():
    OUT.mkdir(exist_ok=True)
    manifest = {}
    for i, p in enumerate(sorted(SRC.glob("e*.txt"))):
        meta, msgs = parse(p)
        lines, recs = render(meta, msgs, 1000 + i)
        nl = "\r\n" if meta.get("newline") == "crlf" else "\n"
        text = nl.join(lines) + nl
        enc = meta.get("encoding", "utf-8")
        if enc == "utf-16-le-bom":
            data = b"\xff\xfe" + text.encode("utf-16-le")
        elif enc == "utf-8-bom":
            data = b"\xef\xbb\xbf" + text.encode("utf-8")
        else:
            data = text.encode("utf-8")
        slug = meta["slug"]
        (OUT / f"{slug}.txt").write_bytes(data)
        with open(OUT / f"{slug}.labels.jsonl", "w", encoding="utf-8") as f:
            for r in recs:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        manifest[slug] = {"format": meta["format"], "encoding": enc,
                          "line_endings": meta.get("newline", "lf").upper(), "title": meta["title"],
                          "hosts": meta["hosts"], "event_kind": meta["kind"]}
    (OUT / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
