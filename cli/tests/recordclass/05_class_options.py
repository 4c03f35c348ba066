# Options in the class statement: readonly, sequence, iterable, hashable, mapping.
from recordclass import dataobject


class P(dataobject, sequence=True):
    x: int
    y: int


p = P(1, 2)
print(p[0], p[-1], list(p), P.__options__)
p[0] = 5
print(p)


class I(dataobject, iterable=True):
    x: int
    y: int


print(list(I(3, 4)), I.__options__)
try:
    I(3, 4)[0]
except TypeError as e:
    print(e)


class RO(dataobject, readonly=True):
    x: int
    y: int


ro = RO(1, 2)
print(ro, RO.__options__, hash(ro) == hash(RO(1, 2)))
try:
    ro.x = 3
except AttributeError as e:
    print(e)


class H(dataobject, hashable=True):
    x: int


h = H(1)
h.x = 2
print(hash(h) == hash(H(2)), H.__options__)


class Mp(dataobject, mapping=True):
    x: int
    y: int


m = Mp(1, 2)
print(m["x"], Mp.__options__)
m["y"] = 9
print(m, list(m))
try:
    m[0]
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
