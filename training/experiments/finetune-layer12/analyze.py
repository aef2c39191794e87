import re, random, glob, collections
P='/tmp/ft/pt/'
def f1(g,p,k):
    labs=set(g)|set(p); s=0
    for c in labs:
        tp=sum(1 for a,b in zip(g,p) if a==c and b==c); fp=sum(1 for a,b in zip(g,p) if a!=c and b==c); fn=sum(1 for a,b in zip(g,p) if a==c and b!=c)
        s+= 2*tp/(2*tp+fp+fn) if tp+fp+fn else 0
    return s/len(labs) if labs else 0
def load(tag,ep,split='devreal'):
    rows=[list(map(int,l.split())) for l in open(f'/tmp/ft/preds/{tag}_{split}_ep{ep}.txt')]
    return rows
def sel(log):
    return int(re.search(r'SELECTED.*epoch (\d+)',open(P+log).read()).group(1))
res={}
import sys
FT=sys.argv[1] if len(sys.argv)>1 else 'ft3e5'
for v,logp in [('frozen','p_frozen30_s%s.log'),('ft','p_'+FT+'_s%s.log')]:
    for s in ['42','1','2']:
        try: ep=sel(logp%s)
        except Exception as e: continue
        tag=('frozen30_s' if v=='frozen' else FT+'_s')+s
        r=load(tag,ep); d=load(tag,ep,'dev')
        res[(v,s)]=r
        print(v,s,'ep',ep,'dev st %.3f op %.3f'%(f1([x[2] for x in d],[x[3] for x in d],4),f1([x[4] for x in d],[x[5] for x in d],3)),
              'devreal st %.3f op %.3f'%(f1([x[2] for x in r],[x[3] for x in r],4),f1([x[4] for x in r],[x[5] for x in r],3)),
              'acc st %d/57 op %d/57'%(sum(x[2]==x[3] for x in r),sum(x[4]==x[5] for x in r)))
seeds=[s for s in ['42','1','2'] if ('frozen',s) in res and ('ft',s) in res]
def m(v,idx,task):
    out=[]
    for s in seeds:
        r=res[(v,s)]; g=[r[i][2+2*task] for i in idx]; p=[r[i][3+2*task] for i in idx]; out.append(f1(g,p,4-task))
    return sum(out)/len(out)
n=57; idx=list(range(n))
for task,name in [(0,'stance'),(1,'openness')]:
    obs=m('ft',idx,task)-m('frozen',idx,task)
    rnd=random.Random(0); ds=[]
    for _ in range(2000):
        b=[rnd.randrange(n) for _ in range(n)]; ds.append(m('ft',b,task)-m('frozen',b,task))
    ds.sort(); 
    print('%s: seeds %s  frozen %.3f  ft %.3f  diff %.3f  95%% paired-bootstrap CI [%.3f, %.3f]  P(diff>0)=%.2f'%(name,seeds,m('frozen',idx,task),m('ft',idx,task),obs,ds[50],ds[1949],sum(d>0 for d in ds)/len(ds)))
