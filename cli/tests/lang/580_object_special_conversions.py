# __length_hint__ of object-based classes (operator.length_hint), and operator.index.
import operator


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


class Hint:
    def __init__(self, n): self.n = n
    def __length_hint__(self): return self.n


class Both(Hint):
    def __len__(self): return 2


class BadLen:
    def __len__(self): raise TypeError("no len")
    def __length_hint__(self): return 9


class NI:
    def __length_hint__(self): return NotImplemented
class I:
    def __index__(self): return 4


for f in [lambda: operator.length_hint(Hint(5)), lambda: operator.length_hint(Hint(5), 3),
          lambda: operator.length_hint(Both(5)), lambda: operator.length_hint(BadLen()),
          lambda: operator.length_hint(NI(), 4), lambda: operator.length_hint(object(), 7),
          lambda: operator.length_hint([1, 2, 3]), lambda: operator.length_hint(Hint(-1)),
          lambda: operator.length_hint(Hint("x")), lambda: operator.length_hint(Hint(2**70)),
          lambda: operator.length_hint(Hint(1), "d"), lambda: operator.length_hint(NI(), I()),
          lambda: operator.index(I()), lambda: operator.index(True),
          lambda: operator.index(2.0)]:
    t(f)
