# __index__ of an object-based class wherever CPython calls PyNumber_Index or
# PyNumber_AsSsize_t: slice bounds, subscripts, range, repetition, hex/oct/bin, bytes, chr,
# method arguments; and its errors.
import math


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


class A:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v


l = [0, 1, 2, 3, 4, 5]


def setdel(): m = l[:]; m[A(0)] = 9; del m[A(1)]; m[A(1):A(3)] = "xy"; return m


for f in [lambda: l[A(1):A(3)], lambda: l[::A(2)], lambda: l[A(-2):], lambda: "abcdef"[A(1):A(4)],
          lambda: (1, 2, 3)[A(0)], lambda: "abc"[A(2)], lambda: b"abc"[A(1)], lambda: l[A(0)],
          lambda: range(A(3)), lambda: range(A(1), A(9), A(3))[A(1)], lambda: "ab" * A(2),
          lambda: A(3) * [1], lambda: (0,) * A(2), lambda: hex(A(255)), lambda: oct(A(8)),
          lambda: bin(A(5)), lambda: bytes(A(2)), lambda: chr(A(65)), lambda: "%x" % A(255),
          lambda: "%d" % A(7), lambda: l.index(3, A(1)), lambda: l[:].pop(A(1)),
          lambda: "abc".center(A(7), "*"), lambda: math.factorial(A(5)), lambda: round(2.567, A(1)),
          lambda: (5).to_bytes(A(2), "big"), setdel, lambda: l[A("x")], lambda: l[A(2**70)],
          lambda: range(A(1.5)), lambda: "ab" * A(2**70), lambda: hex(A(None)),
          lambda: [1, 2][A(True)]]:
    t(f)
