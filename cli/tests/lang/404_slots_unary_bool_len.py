# Unary operators, __bool__, __len__ for truth, and their errors.
class M:
    def __init__(self, v): self.v = v
    def __repr__(self): return f"M({self.v})"
    def __neg__(self): return M(-self.v)
    def __pos__(self): return M(+self.v)
    def __abs__(self): return M(abs(self.v))
    def __invert__(self): return M(~self.v)
    def __bool__(self): return self.v != 0
m = M(-5)
print(-m, +m, abs(m), ~m, bool(m), bool(M(0)), not m, "yes" if M(0) else "no")
print([x for x in [M(0), M(1), M(2)] if x], any([M(0)]), all([M(1), M(3)]))
class Box:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
print(len(Box(3)), bool(Box(0)), bool(Box(2)), not Box(0))
b = Box(0)
while not b:
    b.n += 1
print(b.n)
class Plain: pass
print(bool(Plain()))
for f in (lambda: -Plain(), lambda: +Plain(), lambda: abs(Plain()), lambda: ~Plain(), lambda: len(Plain())):
    try: f()
    except TypeError as e: print("TypeError:", e)
class BadBool:
    def __bool__(self): return 1
class NegLen:
    def __len__(self): return -1
class StrLen:
    def __len__(self): return "3"
class HugeLen:
    def __len__(self): return 2**70
for f in (lambda: bool(BadBool()), lambda: len(NegLen()), lambda: bool(NegLen()), lambda: len(StrLen()), lambda: len(HugeLen())):
    try: f()
    except (TypeError, ValueError, OverflowError) as e: print(type(e).__name__, e)
