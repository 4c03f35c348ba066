# math.trunc/floor/ceil through __trunc__/__floor__/__ceil__ (floor/ceil falling back to
# __float__/__index__), round, abs, reversed, and int() delegating to __trunc__ (3.12 warns).
import math


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


class R:
    def __trunc__(self): return 11
    def __floor__(self): return "floor"
    def __ceil__(self): return 13
    def __round__(self, n=None): return ("round", n)
    def __abs__(self): return "abs"
    def __reversed__(self): return iter("cba")


class F:
    def __float__(self): return 2.5


class I:
    def __index__(self): return 4


class T:
    def __init__(self, v): self.v = v
    def __trunc__(self): return self.v


for f in [lambda: math.trunc(R()), lambda: math.floor(R()), lambda: math.ceil(R()),
          lambda: round(R()), lambda: round(R(), 2), lambda: abs(R()),
          lambda: list(reversed(R())), lambda: math.floor(F()), lambda: math.ceil(F()),
          lambda: math.floor(I()), lambda: math.trunc(F()), lambda: math.floor(object()),
          lambda: math.ceil(True), lambda: int(T(42)), lambda: int(T(I())), lambda: int(T("no"))]:
    t(f)
