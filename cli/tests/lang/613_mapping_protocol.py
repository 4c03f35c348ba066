# Objects with keys() and __getitem__ are mappings for dict(), update, {**m} and f(**m).
def tr(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
class M:
    def keys(self): return ['a', 'b']
    def __getitem__(self, k): return k * 2
class N:
    def keys(self): return 5
class P:
    def keys(self): return ('a',)
class Q:
    def keys(self): raise AttributeError("inner")
class G:
    def keys(self): return iter(['x', 'y'])
    def __getitem__(self, k): return ord(k)
def f(**k): return k
for m in (M, N, P, Q, G):
    tr(lambda: dict(m()))
    tr(lambda: {**m()})
    tr(lambda: f(**m()))
    tr(lambda: f(a=1, **m()))
d = {}; d.update(M(), c=3); print(d)
tr(lambda: {1: 2} | M())
tr(lambda: print(**M(), **M()))
tr(lambda: f(**{1: 2}, **{1: 3}))
class DS(dict):
    def keys(self): return ['z']
    def __getitem__(self, k): return 9
tr(lambda: f(**DS(a=1)))
tr(lambda: {**DS(a=1)})
tr(lambda: dict(DS(a=1)))
class A(dict):
    def __iter__(self): return iter(["z"])
class D(A): __getitem__ = lambda self, k: 42
for o in (A(a=1), D(a=1, b=2)):
    print(dict(o), {**o}, f(**o), dict.fromkeys(o), o | {0: 0}, o.copy(), set(o), list(o))
class MP(M):
    def __getitem__(self, k): raise KeyError(k)
tr(lambda: f(**MP()))
