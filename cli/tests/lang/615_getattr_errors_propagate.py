# hasattr/getattr with a default swallow only AttributeError; other exceptions propagate.
def tr(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
class Gb:
    def __getattribute__(self, n): raise KeyError(n)
class Gc:
    def __getattribute__(self, n): raise AttributeError(n)
    def __getattr__(self, n): return n * 2
class P:
    @property
    def x(self): return 1 / 0
    @property
    def y(self): raise AttributeError("no y")
class Ga:
    def __getattr__(self, n):
        if n == "boom": raise ValueError(n)
        raise AttributeError(n)
for o in (Gb(), Gc(), P(), Ga()):
    for name in ("x", "y", "boom", "missing"):
        tr(lambda: hasattr(o, name))
        tr(lambda: getattr(o, name, "default"))
tr(lambda: getattr(P(), "y"))
tr(lambda: hasattr(1, 2))
tr(lambda: getattr(1, "real", 5))
