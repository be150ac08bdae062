#!/usr/bin/env python3
"""Validate the held-out question-detection set 10 (heldout-det10) in events/.

Copied from set 6's check.py (itself adapted from the original set's validator). Extra checks:
  * every record has `event_kind`, one kind per event, equal to manifest.json's event_kind;
  * `host` is true exactly when the sender is listed in the manifest's hosts, and host messages are `other`;
  * the decoded encoding and line endings match the manifest; cloud files have no private messages;
  * 10 distinct kinds over the set (one per event).


For every events/<slug>.txt + events/<slug>.labels.jsonl pair:
  * the labels file parses, has the required fields and n = 0..N-1;
  * the .txt is decoded (UTF-8, or UTF-16 when it starts with a BOM);
  * message headers are counted "the naive way" with one regex per client format
    (format taken from events/manifest.json, else auto-detected) and the count must
    equal the number of label lines;
  * each header / body is compared with the label record at the same index
    (sender and recipient appear in the header; body lines equal the text).
Prints per-event label counts and exits 1 on any problem.
Usage: python3 check.py [events_dir]
"""
import json, re, sys, pathlib, collections

HEADER = {
    # old desktop client, one line:  10:02:11<TAB> From  Ana Lima : text
    "oneline_en": r"^\d\d:\d\d:\d\d\t From  ",
    # newer desktop client: 10:02:11 From Ana Lima to Everyone:  + TAB body lines
    "header_en":  r"^\d\d:\d\d:\d\d From ",
    # 2025+ client: 2025-12-05 20:12:17 From Ana to Everyone: + TAB body + TAB blank line
    "dated_en":   r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d From ",
    # Spanish client, one line:  10:02:11<TAB> De  Ana Lima : texto
    "oneline_es": r"^\d\d:\d\d:\d\d\t De  ",
    # Japanese client, one line: 10:02:11 開始 Ana 終了 皆様 : text
    "oneline_ja": r"^\d\d:\d\d:\d\d 開始 ",
    # Korean client: 10:02:11 발신자 Ana 수신자 모두에게: + TAB body
    "header_ko":  r"^\d\d:\d\d:\d\d 발신자 ",
    # cloud recording chat: 00:12:31<TAB>Ana Lima:<TAB>text
    "cloud":      r"^\d\d:\d\d:\d\d\t",
    # French client: 10:02:11 De  Ana  à  Tout le monde: + TAB body
    "header_fr":  r"^\d\d:\d\d:\d\d De  ",
    # Dutch client (inferred): 10:02:11 Van  Ana  aan  Iedereen: + TAB body
    "header_nl":  r"^\d\d:\d\d:\d\d Van  ",
}
ONE_LINE = {"oneline_en", "oneline_es", "oneline_ja", "cloud"}
DETECT_ORDER = ["dated_en", "oneline_en", "oneline_es", "oneline_ja", "header_ko",
                "header_fr", "header_nl", "header_en", "cloud"]
LABELS = {"question", "logistics", "other"}
REQUIRED = {"n": int, "sender": str, "to": str, "text": str, "label": str,
            "private": bool, "host": bool, "event_kind": str}


def decode(raw):
    if raw.startswith(b"\xff\xfe"):
        return raw[2:].decode("utf-16-le"), "utf-16-le-bom"
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be"), "utf-16-be-bom"
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8"), "utf-8-bom"
    return raw.decode("utf-8"), "utf-8"


def detect(lines):
    for f in DETECT_ORDER:
        if any(re.match(HEADER[f], l) for l in lines):
            return f
    return None


def check_event(txt, lab, fmt, errs, man=None):
    man = man or {}
    slug = txt.name[:-4]
    raw = txt.read_bytes()
    text, enc = decode(raw)
    if man.get("encoding") and man["encoding"] != enc:
        errs.append(f"{slug}: encoding {enc} but manifest says {man['encoding']}")
    crlf = text.count("\r\n")
    lf = text.count("\n")
    eol = "CRLF" if crlf and crlf == lf else ("LF" if not crlf else "MIXED")
    if man.get("line_endings") and man["line_endings"] != eol:
        errs.append(f"{slug}: line endings {eol} but manifest says {man['line_endings']}")
    lines = text.splitlines()
    fmt = fmt or detect(lines)
    if fmt not in HEADER:
        errs.append(f"{slug}: unknown format {fmt!r}")
        return None
    hdr = re.compile(HEADER[fmt])
    starts = [i for i, l in enumerate(lines) if hdr.match(l)]
    if starts and starts[0] != 0:
        errs.append(f"{slug}: {starts[0]} line(s) before the first header")
    recs = []
    for k, line in enumerate(lab.read_text(encoding="utf-8").splitlines()):
        if not line.strip():
            errs.append(f"{slug}: blank line {k + 1} in labels file")
            continue
        try:
            recs.append(json.loads(line))
        except json.JSONDecodeError as e:
            errs.append(f"{slug}: labels line {k + 1} is not JSON: {e}")
    if len(starts) != len(recs):
        errs.append(f"{slug}: {len(starts)} headers in .txt but {len(recs)} label records")
    for i, r in enumerate(recs):
        where = f"{slug}#{i}"
        for key, typ in REQUIRED.items():
            if not isinstance(r.get(key), typ) or (typ is int and isinstance(r.get(key), bool)):
                errs.append(f"{where}: field {key!r} missing or not {typ.__name__}")
        if r.get("n") != i:
            errs.append(f"{where}: n={r.get('n')} (expected {i})")
        if r.get("label") not in LABELS:
            errs.append(f"{where}: bad label {r.get('label')!r}")
        if r.get("private"):
            if r.get("label") != "other":
                errs.append(f"{where}: private message must be labelled 'other'")
            if r.get("to") == "Everyone":
                errs.append(f"{where}: private message addressed to Everyone")
        elif r.get("to") != "Everyone":
            errs.append(f"{where}: public message with to={r.get('to')!r}")
        if man.get("event_kind") and r.get("event_kind") != man["event_kind"]:
            errs.append(f"{where}: event_kind {r.get('event_kind')!r} != manifest {man['event_kind']!r}")
        if "hosts" in man and r.get("host") != (r.get("sender") in man["hosts"]):
            errs.append(f"{where}: host flag does not match manifest hosts")
        if r.get("host") and r.get("label") != "other":
            errs.append(f"{where}: host message must be labelled 'other'")
        if fmt == "cloud" and r.get("private"):
            errs.append(f"{where}: cloud chat cannot hold private messages")
        if not r.get("text"):
            errs.append(f"{where}: empty text")
        if "note" in r and not isinstance(r["note"], str):
            errs.append(f"{where}: note must be a string")
        if i >= len(starts):
            continue
        # --- align with the file -------------------------------------------
        a = starts[i]
        b = starts[i + 1] if i + 1 < len(starts) else len(lines)
        head, body = lines[a], lines[a + 1:b]
        tl = r["text"].split("\n")
        if r["sender"] not in head:
            errs.append(f"{where}: sender {r['sender']!r} not in header {head!r}")
        if r["private"] and r["to"] not in head:
            errs.append(f"{where}: recipient {r['to']!r} not in header {head!r}")
        if fmt in ONE_LINE:
            got = body
            if not head.endswith(tl[0]):
                errs.append(f"{where}: header line does not end with the first text line")
            exp = tl[1:]
        else:
            got = [l[1:] if l.startswith("\t") else l for l in body]
            if fmt == "dated_en" and got and got[-1] == "":
                got = got[:-1]
            exp = tl
        if got != exp:
            errs.append(f"{where}: body {got!r} != text lines {exp!r}")
    return slug, fmt, enc, recs


def main():
    d = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path(__file__).parent / "events"
    man_p = d / "manifest.json"
    manifest = json.loads(man_p.read_text(encoding="utf-8")) if man_p.exists() else {}
    errs, rows = [], []
    txts = sorted(d.glob("*.txt"))
    for txt in txts:
        lab = txt.with_name(txt.name[:-4] + ".labels.jsonl")
        if not lab.exists():
            errs.append(f"{txt.name}: no labels file")
            continue
        m = manifest.get(txt.name[:-4], {})
        if not m:
            errs.append(f"{txt.name}: not in manifest.json")
        res = check_event(txt, lab, m.get("format"), errs, m)
        if res:
            rows.append(res)
    for lab in sorted(d.glob("*.labels.jsonl")):
        if not lab.with_name(lab.name[:-len(".labels.jsonl")] + ".txt").exists():
            errs.append(f"{lab.name}: no .txt file")
    kinds = {}
    for slug, fmt, enc, recs in rows:
        ks = {r.get("event_kind") for r in recs}
        if len(ks) != 1:
            errs.append(f"{slug}: {len(ks)} event kinds in one event")
        kinds[slug] = next(iter(ks)) if ks else None
    if len(set(kinds.values())) < len(rows):
        errs.append(f"only {len(set(kinds.values()))} distinct event kinds for {len(rows)} events")
    tot = collections.Counter()
    print(f"{'event':38} {'kind':34} {'format':10} {'encoding':14} {'msgs':>4} {'q':>4} {'log':>4} {'oth':>4} {'priv':>4} {'q%pub':>6} {'l%pub':>6}")
    for slug, fmt, enc, recs in rows:
        c = collections.Counter("private" if r.get("private") else r.get("label") for r in recs)
        c["msgs"] = len(recs)
        pub = c["msgs"] - c["private"]
        tot.update(c)
        print(f"{slug:38} {kinds[slug]:34} {fmt:10} {enc:14} {c['msgs']:4} {c['question']:4} {c['logistics']:4} {c['other']:4} {c['private']:4}"
              f" {100 * c['question'] / max(pub, 1):6.1f} {100 * c['logistics'] / max(pub, 1):6.1f}")
    pub = tot["msgs"] - tot["private"]
    tot_notes = sum(1 for _, _, _, recs in rows for r in recs if r.get("note"))
    print(f"{'TOTAL (' + str(len(rows)) + ' events, ' + str(len(set(kinds.values()))) + ' kinds)':73} {'':10} {'':14} {tot['msgs']:4} {tot['question']:4} {tot['logistics']:4} {tot['other']:4} {tot['private']:4}"
          f" {100 * tot['question'] / max(pub, 1):6.1f} {100 * tot['logistics'] / max(pub, 1):6.1f}")
    print(f"records with a note: {tot_notes}")
    if errs:
        print(f"\n{len(errs)} problem(s):")
        for e in errs:
            print("  " + e)
        sys.exit(1)
    print("\nOK: every labels file parses and lines up with its chat file.")


if __name__ == "__main__":
    main()
