"""Softmax heads on pooled frozen-mBERT vectors (numpy, Adam, class-weighted, input dropout), for the [CLS] ablation.

Reads the files DumpPooled.java writes (<tag>_corpus.f32/.tsv, <tag>_real.f32/.tsv). Each head trains on the
corpus train split; the epoch is chosen on the corpus dev split; dev-real is only scored. Usage, for example:
    python3 exp.py "run('l12', 'meanN', lr=1e-2)"
"""
import numpy as np, sys
ST=['conciliatory','hostile','skeptical','neutral']; OP=['real','rhetorical','none']
def load(tag, part):
    meta=[l.rstrip('\n').split('\t') for l in open(f'{tag}_{part}.tsv')]
    d=int(meta[0][5]); X=np.fromfile(f'{tag}_{part}.f32',dtype='<f4').reshape(len(meta),-1)
    return X, meta
def macro_f1(y,p,k):
    f=[]
    for c in range(k):
        tp=np.sum((p==c)&(y==c)); fp=np.sum((p==c)&(y!=c)); fn=np.sum((p!=c)&(y==c))
        if tp+fp+fn==0: continue
        f.append(2*tp/(2*tp+fp+fn))
    return np.mean(f)
def feats(X, kind, parts, d, w=0.5):
    m=X[:,:d]; c=X[:,d:2*d]; cx=X[:,2*d:3*d] if X.shape[1]>=3*d else None
    def nrm(v):
        # normalise each layer block separately
        bs=v.shape[1]//parts; out=[]
        for b in range(parts):
            blk=v[:,b*bs:(b+1)*bs]; nn=np.linalg.norm(blk,axis=1,keepdims=True); out.append(blk/np.where(nn==0,1,nn))
        return np.hstack(out)
    if kind=='mean': return m
    if kind=='meanN+ctxN': return np.hstack([nrm(m),w*nrm(cx)])
    if kind=='meanN+ctxN+clsN': return np.hstack([nrm(m),w*nrm(cx),nrm(c)])
    if kind=='mean+ctx': return np.hstack([m,cx])
    if kind=='meanN': return nrm(m)
    if kind=='meanN+clsN': return np.hstack([nrm(m),nrm(c)])
    if kind=='mean+cls': return np.hstack([m,c])
def train(Xtr,ytr,k,Xdv,ydv,Xev,seed,epochs=30,lr=1e-3,drop=0.1,wd=0.0,bs=32,std=False,l2=0.0):
    rng=np.random.default_rng(seed)
    if std:
        mu=Xtr.mean(0); sd=Xtr.std(0)+1e-6
        Xtr=(Xtr-mu)/sd; Xdv=(Xdv-mu)/sd; Xev=(Xev-mu)/sd
    n,D=Xtr.shape
    W=rng.normal(0,1/np.sqrt(D),(D,k)).astype(np.float32)*0.1; b=np.zeros(k,np.float32)
    cnt=np.bincount(ytr,minlength=k); cw=n/(k*np.maximum(cnt,1))
    m1W=np.zeros_like(W); m2W=np.zeros_like(W); m1b=np.zeros_like(b); m2b=np.zeros_like(b); t=0
    best=(-1,None,None)
    for ep in range(epochs):
        idx=rng.permutation(n)
        for s in range(0,n,bs):
            bi=idx[s:s+bs]; x=Xtr[bi]
            if drop>0: x=x*(rng.random(x.shape)>drop)/(1-drop)
            z=x@W+b; z-=z.max(1,keepdims=True); p=np.exp(z); p/=p.sum(1,keepdims=True)
            g=p.copy(); g[np.arange(len(bi)),ytr[bi]]-=1; g*=cw[ytr[bi]][:,None]; g/=len(bi)
            gW=x.T@g+l2*W; gb=g.sum(0); t+=1
            for P,G,M1,M2 in ((W,gW,m1W,m2W),(b,gb,m1b,m2b)):
                M1*=0.9; M1+=0.1*G; M2*=0.999; M2+=0.001*G*G
                P-=lr*(M1/(1-0.9**t))/(np.sqrt(M2/(1-0.999**t))+1e-8)
                if wd and P is W: P-=lr*wd*P
        f=macro_f1(ydv,np.argmax(Xdv@W+b,1),k)
        if f>best[0]: best=(f,np.argmax(Xev@W+b,1),ep+1)
    return best
def run(tag,kind,seeds=(42,1,2),w=0.5,**kw):
    Xc,mc=load(tag,'corpus'); Xr,mr=load(tag,'real')
    parts=2 if tag.startswith(('l3e1','l12e')) else 1
    d=int(mc[0][5]); Fc=feats(Xc,kind,parts,d,w); Fr=feats(Xr,kind,parts,d,w)
    tr=np.array([m[0]=='train' for m in mc]); dv=np.array([m[0]=='dev' for m in mc])
    res=[]
    for task,labs,col in (('stance',ST,2),('openness',OP,3)):
        yc=np.array([labs.index(m[col]) for m in mc]); yr=np.array([labs.index(m[col]) for m in mr])
        fs=[];ds=[];eps=[]
        for sd in seeds:
            f,pr,ep=train(Fc[tr],yc[tr],len(labs),Fc[dv],yc[dv],Fr,sd,**kw)
            ds.append(f); fs.append(macro_f1(yr,pr,len(labs))); eps.append(ep)
        res.append((np.mean(ds),np.mean(fs),np.min(fs),np.max(fs),eps))
    print(f"{tag:5s} {kind:11s} {kw}  stance dev {res[0][0]:.3f} real {res[0][1]:.3f} [{res[0][2]:.3f},{res[0][3]:.3f}] ep{res[0][4]} | open dev {res[1][0]:.3f} real {res[1][1]:.3f} [{res[1][2]:.3f},{res[1][3]:.3f}] ep{res[1][4]} | mean real {(res[0][1]+res[1][1])/2:.3f}",flush=True)
if __name__=='__main__':
    exec(sys.argv[1])
