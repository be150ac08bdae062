import json, glob, random, collections, importlib.util
items=[]
for f in sorted(glob.glob('src/*.py')):
    spec=importlib.util.spec_from_file_location(f,f); m=importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
    for t in m.ITEMS:
        text,theme,style=t[0],t[1],t[2]
        assert theme in ('policy','civic','system','other'), t
        d={"text":text,"language":m.LANG,"theme":theme,"style":style}
        if len(t)>3: d["note"]=t[3]
        items.append(d)
random.Random(5).shuffle(items)
seen=set()
with open('themes.jsonl','w') as o:
    for i,d in enumerate(items,1):
        assert d['text'] not in seen; seen.add(d['text'])
        o.write(json.dumps({"id":f"q{i:04d}",**d},ensure_ascii=False)+"\n")
lang=collections.Counter(d['language'] for d in items); th=collections.Counter(d['theme'] for d in items); st=collections.Counter(d['style'] for d in items)
lt=collections.defaultdict(collections.Counter)
for d in items: lt[d['language']][d['theme']]+=1
print(len(items)); 
rep="| lang | n | policy | civic | system | other |\n|---|---|---|---|---|---|\n"+"".join(f"| {l} | {lang[l]} | {lt[l]['policy']} | {lt[l]['civic']} | {lt[l]['system']} | {lt[l]['other']} |\n" for l in sorted(lang))
open('counts.md','w').write(f"Total: {len(items)}\n\nThemes: {dict(th)}\n\nStyles: {dict(st)}\n\n"+rep)
print(open('counts.md').read())
