#!/usr/bin/env python3
"""Measures PDF readers on the fixtures: pdftotext (poppler-utils) as it
prints lines, pdftotext's -bbox-layout lines joined into paragraphs the way
gwlint joins them, and gwlint's own reader (pdftext/main.go), each against
the paragraphs of the source texts: character error rate (edit distance
over the non-space characters) and the share of source paragraphs found
exactly. Run from the repository root:

    python3 testdata/office/measure.py
"""
import html
import json
import os
import re
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
OFF = HERE + '/'
COR = os.path.join(HERE, '..', 'corpus', 'gov') + '/'
def corpus(n): return [l.strip() for l in open(COR+n,encoding='utf-8').read().split('\n') if l.strip()]
notice=corpus('govcn_5345440.txt')
long_=corpus('govcn_5359620.txt')+corpus('govcn_5342665.txt')[1:]
truth={'notice.pdf':notice,'notice-chromium.pdf':notice,'deviant.pdf':notice,'long.pdf':long_}
# Held out: documents the reader was not tuned on.
for n in ['govcn_5350427', 'govcn_5352666', 'govcn_5358604']:
    truth['heldout/' + n + '.pdf'] = corpus(n + '.txt')
    truth['heldout/' + n + '-chromium.pdf'] = corpus(n + '.txt')

def lev(a,b):
    # edit distance, O(len(a)*len(b)) with rows
    if len(a)<len(b): a,b=b,a
    prev=list(range(len(b)+1))
    for i,ca in enumerate(a,1):
        cur=[i]
        for j,cb in enumerate(b,1):
            cur.append(min(prev[j]+1,cur[j-1]+1,prev[j-1]+(ca!=cb)))
        prev=cur
    return prev[-1]

def score(paras,want):
    got=''.join(''.join(p.split()) for p in paras); w=''.join(''.join(p.split()) for p in want)
    cer=lev(got,w)/len(w) if len(w)<6000 else lev(got[:6000],w[:6000])/6000
    ws=set(want); exact=sum(1 for p in paras if p in ws)
    return cer, exact/len(want), len(paras)

def poppler_lines(pdf):
    out=subprocess.run(['pdftotext','-bbox-layout',pdf,'-'],capture_output=True,text=True).stdout
    lines=[]; page=-1
    for m in re.finditer(r'<page |<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>',out,re.S):
        if m.group(0).startswith('<page'): page+=1; continue
        words=re.findall(r'<word[^>]*>(.*?)</word>',m.group(5))
        t=html.unescape(''.join(words))
        lines.append(dict(page=page,x0=float(m.group(1)),x1=float(m.group(3)),size=float(m.group(4))-float(m.group(2)),text=t))
    return lines

def join(lines):
    pn=re.compile(r'^[—－–\-\s]*(第)?[0-9]+(页)?[—－–\-\s]*$')
    keep=[]
    for i,l in enumerate(lines):
        fl=i==0 or lines[i-1]['page']!=l['page'] or i==len(lines)-1 or lines[i+1]['page']!=l['page']
        if fl and pn.match(l['text']): continue
        keep.append(l)
    s=sorted(l['x0'] for l in keep); e=sorted(l['x1'] for l in keep)
    left,right=s[len(s)//10],e[len(e)*9//10]
    paras=[]
    for i,l in enumerate(keep):
        if i==0: paras.append(l['text']); continue
        p=keep[i-1]
        full=p['x1']>=right-2.5*p['size']
        ind=l['x0']>=left+1.2*l['size']
        cen=l['x0']>left+l['size'] and abs((l['x0']-left)-(right-l['x1']))<1.5*l['size']
        same=abs(p['size']-l['size'])<0.5*max(1,p['size']/16)
        if full and same and (not ind or (cen and p['page']==l['page'])): paras[-1]+=l['text']
        else: paras.append(l['text'])
    return paras

gores = json.loads(subprocess.run(['go', 'run', './testdata/office/pdftext'] + [OFF + n for n in truth],
                                  capture_output=True, text=True, check=True, cwd=os.path.join(HERE, '..', '..')).stdout)
for name,want in truth.items():
    raw=subprocess.run(['pdftotext',OFF+name,'-'],capture_output=True,text=True).stdout
    rawl=[l for l in raw.split('\n') if l.strip() and not re.match(r'^[—－–\-\s]*[0-9]+[—－–\-\s]*$',l.strip())]
    a=score(rawl,want); b=score(join(poppler_lines(OFF+name)),want); c=score(gores[os.path.basename(name)].split('\n'),want)
    print(f"{name:34} pdftotext lines: CER {a[0]:.4f} exact paras {a[1]:.0%} ({a[2]} lines) | pdftotext+join: CER {b[0]:.4f} paras {b[1]:.0%} | gwlint: CER {c[0]:.4f} paras {c[1]:.0%} ({c[2]})")
