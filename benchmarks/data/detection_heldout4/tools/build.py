#!/usr/bin/env python3
"""Render tools/src/eNN_*.py into events/<slug>.txt, .labels.jsonl and manifest.json.

Each source module defines META (slug, format, encoding, line_endings, title, hosts,
event_kind, start, date) and CHAT, one message per line:

    label | sender | text | optional note

label: q = question, l = logistics, o = other, p>Recipient = private (always 'other').
In text, a literal backslash-n (\\n) is a line break. Lines starting with '#' are ignored.
Timestamps come from random.Random(slug), so the output is deterministic.
"""
import importlib.util, json, pathlib, random

ROOT = pathlib.Path(__file__).resolve().parent
OUT = ROOT.parent / "events"
LAB = {"q": "question", "l": "logistics", "o": "other"}


def header(fmt, ts, date, s, to, priv):
    if fmt == "oneline_en":
        return f"{ts}\t From  {s}  to  {to}(Privately) : " if priv else f"{ts}\t From  {s} : "
    if fmt == "header_en":
        return f"{ts} From {s} to {to}(Direct Message):" if priv else f"{ts} From {s} to Everyone:"
    if fmt == "dated_en":
        return f"{date} {ts} From {s} to {to}(direct message):" if priv else f"{date} {ts} From {s} to Everyone:"
    if fmt == "oneline_es":
        return f"{ts}\t De  {s}  a  {to}(En privado) : " if priv else f"{ts}\t De  {s} : "
    if fmt == "oneline_ja":
        return f"{ts} 開始 {s} 終了 {to}（ダイレクトメッセージ） : " if priv else f"{ts} 開始 {s} 終了 皆様 : "
    if fmt == "header_ko":
        return f"{ts} 발신자 {s} 수신자 {to}(다이렉트 메시지):" if priv else f"{ts} 발신자 {s} 수신자 모두에게:"
    if fmt == "cloud":
        assert not priv, "cloud chat has no private messages"
        return f"{ts}\t{s}:\t"
    if fmt == "header_fr":
        return f"{ts} De  {s}  à  {to}(Message direct):" if priv else f"{ts} De  {s}  à  Tout le monde:"
    if fmt == "header_nl":
        return f"{ts} Van  {s}  aan  {to}(Direct bericht):" if priv else f"{ts} Van  {s}  aan  Iedereen:"
    raise ValueError(fmt)


def build(path, manifest):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    m = mod.META
    fmt, slug = m["format"], m["slug"]
    rng = random.Random(slug)
    h, mi, se = (int(x) for x in m["start"].split(":"))
    t = h * 3600 + mi * 60 + se
    out, recs = [], []
    for raw in mod.CHAT.strip("\n").split("\n"):
        if not raw.strip() or raw.startswith("#"):
            continue
        parts = [p.strip() for p in raw.split(" | ")]
        lab, sender, text = parts[0], parts[1], parts[2].replace("\\n", "\n")
        note = parts[3] if len(parts) > 3 else ""
        priv = lab.startswith("p>")
        to = lab[2:] if priv else "Everyone"
        label = "other" if priv else LAB[lab]
        host = sender in m["hosts"]
        if host:
            assert label == "other", (slug, raw)
        t += rng.randint(6, 75)
        ts = f"{t // 3600:02d}:{t % 3600 // 60:02d}:{t % 60:02d}"
        hd = header(fmt, ts, m.get("date", ""), sender, to, priv)
        tl = text.split("\n")
        if fmt in ("oneline_en", "oneline_es", "oneline_ja", "cloud"):
            out.append(hd + tl[0])
            out.extend(tl[1:])
        else:
            out.append(hd)
            out.extend("\t" + x for x in tl)
            if fmt == "dated_en":
                out.append("\t")
        r = {"n": len(recs), "sender": sender, "to": to, "text": text, "label": label,
             "private": priv, "host": host, "event_kind": m["event_kind"]}
        if note:
            r["note"] = note
        recs.append(r)
    nl = "\r\n" if m["line_endings"] == "CRLF" else "\n"
    body = nl.join(out) + nl
    if m["encoding"] == "utf-16-le-bom":
        data = b"\xff\xfe" + body.encode("utf-16-le")
    elif m["encoding"] == "utf-8-bom":
        data = b"\xef\xbb\xbf" + body.encode("utf-8")
    else:
        data = body.encode("utf-8")
    (OUT / f"{slug}.txt").write_bytes(data)
    with open(OUT / f"{slug}.labels.jsonl", "w", encoding="utf-8", newline="\n") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    manifest[slug] = {k: m[k] for k in ("format", "encoding", "line_endings", "title", "hosts",
                                         "event_kind", "languages")}


def main():
    OUT.mkdir(exist_ok=True)
    manifest = {}
    for p in sorted((ROOT / "src").glob("e*.py")):
        build(p, manifest)
    (OUT / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n",
                                       encoding="utf-8")


if __name__ == "__main__":
    main()
