# Errors of * and ** arguments and str.join, in CPython's words; __iter__ runs once.
def tr(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
class A:
    __iter__ = None
class B:
    def __iter__(self): print("iter called"); raise TypeError("mine")
class C:
    def __iter__(self): print("iter called"); return 1
class D:
    def __getitem__(self, i): raise TypeError("gi")
def f(*a, **k): return a, k
for k in (A, B, C, D, int):
    tr(lambda: [*k()])
    tr(lambda: (*k(), 1))
    tr(lambda: {*k()})
    tr(lambda: f(*k()))
    tr(lambda: print(*k()))
    tr(lambda: k(*k()))
    tr(lambda: f(**k()))
    tr(lambda: dict(**k()))
    tr(lambda: {**k()})
    tr(lambda: "".join(k()))
    tr(lambda: b"".join(k()))
tr(lambda: len(**1))
tr(lambda: sorted(*None))
