import json, glob, os, random, collections
TH={'P':'policy','C':'civic','S':'system','O':'other'}
base=os.path.dirname(os.path.abspath(__file__))
items=[]
for f in sorted(glob.glob(os.path.join(base,'t_*.txt'))):
    lang=os.path.basename(f)[2:-4]
    for n,line in enumerate(open(f,encoding='utf-8')):
        line=line.rstrip('\n')
        if not line.strip(): continue
        parts=line.split('§')
        assert len(parts) in (3,4),(f,n,line)
        d={'text':parts[2].strip(),'language':lang,'theme':TH[parts[0]],'style':parts[1]}
        if len(parts)==4 and parts[3].strip(): d['note']=parts[3].strip()
        items.append(d)
random.seed(20261204); random.shuffle(items)
texts=[d['text'] for d in items]; assert len(texts)==len(set(texts)), [t for t,c in collections.Counter(texts).items() if c>1]
with open(os.path.join(base,'..','themes.jsonl'),'w',encoding='utf-8') as o:
    for i,d in enumerate(items,1):
        o.write(json.dumps({'id':'q%04d'%i,**d},ensure_ascii=False)+'\n')
# langid
L=[]
for f in sorted(glob.glob(os.path.join(base,'l_*.txt'))):
    lang=os.path.basename(f)[2:-4]
    for line in open(f,encoding='utf-8'):
        t=line.strip()
        if t: L.append({'text':t,'language':lang})
random.shuffle(L)
lt=[d['text'] for d in L]; dup=[t for t,c in collections.Counter(lt).items() if c>1]
if dup: print('LANGID DUPS',dup)
with open(os.path.join(base,'..','langid.jsonl'),'w',encoding='utf-8') as o:
    for i,d in enumerate(L,1):
        o.write(json.dumps({'id':'m%04d'%i,**d},ensure_ascii=False)+'\n')
print(len(items),len(L))
