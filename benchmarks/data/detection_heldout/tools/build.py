#!/usr/bin/env python3
"""Render the held-out Zoom chat files and their label files from tools/src/eNN.py.

Each source module defines EVENT = dict(slug, title, fmt, date, start, hosts, msgs,
encoding="utf-8", newline="\n"). A message is a tuple:
    (label, sender, text[, note])            label in q / l / o  (public, to Everyone)
    ("p", sender, recipient, text[, note])    private / direct message (label other)
Run:  python3 tools/build.py
"""

import importlib.util, json, random, re, sys, pathlib

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = ROOT / "events"
LABEL = {"q": "question", "l": "logistics", "o": "other", "p": "other"}

# header regexes used to double-check that no body line looks like a header
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


def hms(sec):
    return "%02d:%02d:%02d" % (sec // 3600, (sec // 60) % 60, sec % 60)


def render(fmt, ts, date, sender, to, private, lines):
    first, rest = lines[0], lines[1:]
    tab_body = ["\t" + l for l in lines]
    if fmt == "oneline_en":
        head = (
            f"{ts}\t From  {sender}  to  {to}(Privately) : "
            if private
            else f"{ts}\t From  {sender} : "
        )
        return [head + first] + rest
    if fmt == "oneline_es":
        head = (
            f"{ts}\t De  {sender}  a  {to}(En privado) : " if private else f"{ts}\t De  {sender} : "
        )
        return [head + first] + rest
    if fmt == "oneline_ja":
        head = (
            f"{ts} 開始 {sender} 終了 {to}（ダイレクトメッセージ） : "
            if private
            else f"{ts} 開始 {sender} 終了 皆様 : "
        )
        return [head + first] + rest
    if fmt == "cloud":
        assert not private, "cloud recording chat only keeps public messages"
        return [f"{ts}\t{sender}:\t{first}"] + rest
    if fmt == "header_en":
        head = (
            f"{ts} From {sender} to {to}(Direct Message):"
            if private
            else f"{ts} From {sender} to Everyone:"
        )
        return [head] + tab_body
    if fmt == "dated_en":
        head = (
            f"{date} {ts} From {sender} to {to}(direct message):"
            if private
            else f"{date} {ts} From {sender} to Everyone:"
        )
        return [head] + tab_body + ["\t"]
    if fmt == "header_ko":
        head = (
            f"{ts} 발신자 {sender} 수신자 {to}(다이렉트 메시지):"
            if private
            else f"{ts} 발신자 {sender} 수신자 모두에게:"
        )
        return [head] + tab_body
    if fmt == "header_fr":
        head = (
            f"{ts} De  {sender}  à  {to}(Message direct):"
            if private
            else f"{ts} De  {sender}  à  Tout le monde:"
        )
        return [head] + tab_body
    if fmt == "header_nl":
        head = (
            f"{ts} Van  {sender}  aan  {to}(Direct bericht):"
            if private
            else f"{ts} Van  {sender}  aan  Iedereen:"
        )
        return [head] + tab_body
    raise ValueError(fmt)


def build(path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    ev = mod.EVENT
    fmt, slug = ev["fmt"], ev["slug"]
    rng = random.Random(slug)
    h, m, s = map(int, ev["start"].split(":"))
    t = h * 3600 + m * 60 + s
    hosts = set(ev["hosts"])
    out_lines, labels = [], []
    hdr = re.compile(HEADER_RE[fmt])
    for n, msg in enumerate(ev["msgs"]):
        kind = msg[0]
        if kind == "p":
            _, sender, to, text, *note = msg
            private = True
        else:
            _, sender, text, *note = msg
            to, private = "Everyone", False
        assert kind in LABEL, msg
        lines = text.split("\n")
        for extra in lines[1:]:
            assert not hdr.search(extra), (slug, n, extra)
        t += rng.randint(6, 70)
        block = render(fmt, hms(t), ev.get("date", ""), sender, to, private, lines)
        assert hdr.search(block[0]), (slug, n, block[0])
        out_lines += block
        rec = {
            "n": n,
            "sender": sender,
            "to": to,
            "text": text,
            "label": LABEL[kind],
            "private": private,
            "host": sender in hosts,
        }
        if note and note[0]:
            rec["note"] = note[0]
        labels.append(rec)
    nl = ev.get("newline", "\n")
    data = nl.join(out_lines) + nl
    enc = ev.get("encoding", "utf-8")
    txt = OUT / f"{slug}.txt"
    if enc == "utf-16-le-bom":
        txt.write_bytes(b"\xff\xfe" + data.encode("utf-16-le"))
    else:
        txt.write_bytes(data.encode("utf-8"))
    with open(OUT / f"{slug}.labels.jsonl", "w", encoding="utf-8") as f:
        for rec in labels:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return slug, {
        "format": fmt,
        "encoding": enc,
        "newline": "CRLF" if nl == "\r\n" else "LF",
        "title": ev["title"],
        "hosts": sorted(hosts),
        "messages": len(labels),
    }


def main():
    manifest = {}
    for p in sorted((HERE / "src").glob("e*.py")):
        slug, info = build(p)
        manifest[slug] = info
        print(f"{slug}: {info['messages']} messages ({info['format']}, {info['encoding']})")
    (OUT / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
