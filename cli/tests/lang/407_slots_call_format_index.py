# __call__, __format__, __index__/__int__/__float__, __sizeof__ with sys.getsizeof.
import sys
class Adder:
    def __init__(self, n): self.n = n
    def __call__(self, x, *rest, scale=1, **kw):
        return (self.n + x + sum(rest)) * scale, sorted(kw)
add = Adder(10)
print(add(1), add(1, 2, 3), add(1, scale=3), add(0, a=1, b=2), list(map(Adder(1), [1, 2])))
try: Adder(1)()
except TypeError as e: print("TypeError:", e)
class Money:
    def __init__(self, c): self.c = c
    def __format__(self, spec):
        return f"${self.c / 100:{spec or '.2f'}}"
m = Money(12345)
print(f"{m}", f"{m:,.1f}", format(m), "{:>12}".format(m), f"{m!r:.5}" == repr(m)[:5])
class NoFmt: pass
print(format(NoFmt(), "") == str(NoFmt()) or "differs")
for f in (lambda: format(NoFmt(), "x"), lambda: f"{NoFmt():>5}", lambda: format(type("X", (), {})(), "d") if False else Money.__format__(m, "q")):
    try: print(f())
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
class BadFmt:
    def __format__(self, spec): return 3
try: f"{BadFmt()}"
except TypeError as e: print("TypeError:", e)
class Idx:
    def __index__(self): return 2
print([10, 20, 30][Idx()], "abc"[Idx()], (1, 2, 3)[Idx()], range(Idx()), "ab" * Idx(), hex(Idx()), int(Idx()), float(Idx()))
class Num:
    def __int__(self): return 7
    def __float__(self): return 2.5
print(int(Num()), float(Num()))
try: [1, 2][Num()]
except TypeError as e: print("TypeError:", e)
class Sized:
    def __sizeof__(self): return 100
class Bare: pass
print(sys.getsizeof(Sized()), sys.getsizeof(Bare()), Sized().__sizeof__())
