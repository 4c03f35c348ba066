# litetuple and mutabletuple: sizes, GC, reprs, indexing, slicing, operators, messages.
import gc
import sys
from recordclass import litetuple, mutabletuple


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


for T in (litetuple, mutabletuple):
    print(T, T.__name__, T.__module__, T.__qualname__, T.__basicsize__, T.__itemsize__)
    print(repr(T.__doc__), T.__mro__)
    x = T(1, 2, 3)
    print(x, str(x), len(x), x[0], x[-1], list(x), tuple(x), 2 in x, bool(T()), bool(x))
    print(sys.getsizeof(x), x.__sizeof__(), sys.getsizeof(T()), gc.is_tracked(x))
    print(sys.getsizeof(T(*range(100))), gc.is_tracked(T([], {})))
    t(lambda: x[3])
    t(lambda: x[-4])
    t(lambda: x[1:])
    t(lambda: x[::-1])
    t(lambda: x[::2])
    t(lambda: x["a"])
    t(lambda: x[10 ** 30])
    t(lambda: x + T(4))
    t(lambda: x + (4,))
    t(lambda: x * 2)
    t(lambda: 2 * x)
    t(lambda: x * -1)
    t(lambda: x * "a")
    t(lambda: T(x=1))
    t(lambda: x == T(1, 2, 3))
    t(lambda: x == (1, 2, 3))
    t(lambda: x < T(1, 2, 4))
    t(lambda: x >= T(1, 2))
    t(lambda: hash(x))
    t(lambda: hash(T()))
    t(lambda: hash(T(1.5, None, "")) == hash(T(1.5, None, "")))
    t(lambda: hash(T([1])))
    t(lambda: x.__copy__())
    t(lambda: x.__reduce__())
    t(lambda: x.__getnewargs__())
    t(lambda: x.count(1))
    t(lambda: type(iter(x)))
    t(lambda: sorted([T(2), T(1)]))
    t(lambda: litetuple(1, 2) == mutabletuple(1, 2))
    t(lambda: T(1) + mutabletuple(2))
