# Special methods of object-based classes that conversions and math call:
# __length_hint__, __complex__, __bytes__, __trunc__/__floor__/__ceil__, __round__,
# __reversed__, __abs__, and the async/buffer/__fspath__/__missing__ methods accepted as
# plain methods.
import math
import operator


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


class Hint:
    def __init__(self, n):
        self.n = n

    def __length_hint__(self):
        return self.n


class Both(Hint):
    def __len__(self):
        return 2


class BadLen:
    def __len__(self):
        raise TypeError("no len")

    def __length_hint__(self):
        return 9


class NI:
    def __length_hint__(self):
        return NotImplemented


t(lambda: operator.length_hint(Hint(5)))
t(lambda: operator.length_hint(Hint(5), 3))
t(lambda: operator.length_hint(Both(5)))
t(lambda: operator.length_hint(BadLen()))
t(lambda: operator.length_hint(NI(), 4))
t(lambda: operator.length_hint(object(), 7))
t(lambda: operator.length_hint([1, 2, 3]))
t(lambda: operator.length_hint(Hint(-1)))
t(lambda: operator.length_hint(Hint("x")))
t(lambda: operator.length_hint(Hint(2**70)))
t(lambda: operator.length_hint(Hint(1), "d"))


class Z:
    def __complex__(self):
        return 1 + 2j


class ZBad:
    def __complex__(self):
        return 3


class F:
    def __float__(self):
        return 2.5


class I:
    def __index__(self):
        return 4


t(lambda: complex(Z()))
t(lambda: complex(ZBad()))
t(lambda: complex(F()))
t(lambda: complex(I()))
t(lambda: complex(F(), F()))
t(lambda: complex(1, Z()))
t(lambda: complex(object()))


class By:
    def __bytes__(self):
        return b"by"


class ByBad:
    def __bytes__(self):
        return "s"


t(lambda: bytes(By()))
t(lambda: bytes(ByBad()))
t(lambda: bytes(I()))


class R:
    def __trunc__(self):
        return 11

    def __floor__(self):
        return "floor"

    def __ceil__(self):
        return 13

    def __round__(self, n=None):
        return ("round", n)

    def __abs__(self):
        return "abs"

    def __reversed__(self):
        return iter("cba")


t(lambda: math.trunc(R()))
t(lambda: math.floor(R()))
t(lambda: math.ceil(R()))
t(lambda: round(R()))
t(lambda: round(R(), 2))
t(lambda: abs(R()))
t(lambda: list(reversed(R())))
t(lambda: math.floor(F()))
t(lambda: math.ceil(F()))
t(lambda: math.floor(I()))
t(lambda: math.trunc(F()))
t(lambda: math.floor(object()))
t(lambda: math.floor(2.5))
t(lambda: math.ceil(True))


class T:
    def __trunc__(self):
        return 42


class TI:
    def __trunc__(self):
        return I()


class TBad:
    def __trunc__(self):
        return "no"


t(lambda: int(T()))
t(lambda: int(TI()))
t(lambda: int(TBad()))
t(lambda: operator.index(I()))
t(lambda: operator.index(True))
t(lambda: operator.index(2.0))


class Accepted:
    def __await__(self):
        return "await"

    def __aiter__(self):
        return "aiter"

    def __anext__(self):
        return "anext"

    def __aenter__(self):
        return "aenter"

    def __aexit__(self, *a):
        return "aexit"

    def __buffer__(self, flags):
        return flags

    def __release_buffer__(self, view):
        return view

    def __fspath__(self):
        return "/tmp/x"

    def __missing__(self, key):
        return key


a = Accepted()
print(a.__await__(), a.__aiter__(), a.__anext__(), a.__aenter__(), a.__aexit__(1))
print(a.__buffer__(0), a.__release_buffer__(1), a.__fspath__(), a.__missing__("k"))
