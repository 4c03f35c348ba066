# __len__ and __sizeof__ results checked as CPython: the sign first, then the size.
import sys
def tr(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
class Ln:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def __sizeof__(self): return self.n
for n in (-1, -2**100, 2**100, 2**63, -2**63, 2**63 - 1, False, True, 3.0, "x", None):
    tr(lambda: len(Ln(n)))
    tr(lambda: bool(Ln(n)))
    tr(lambda: sys.getsizeof(Ln(n)) - sys.getsizeof(Ln(0)))
class Bl:
    def __init__(self, v): self.v = v
    def __bool__(self): return self.v
for v in (True, 0, 1, None, "x"):
    tr(lambda: bool(Bl(v)))
    tr(lambda: not Bl(v))
    tr(lambda: "yes" if Bl(v) else "no")
