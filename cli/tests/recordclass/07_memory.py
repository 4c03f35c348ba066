# The memory lesson: a million-point comparison at small scale, sizes of every kind.
import gc
import sys
from recordclass import recordclass, dataobject


class Slots:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x, self.y, self.z = x, y, z


class Plain:
    def __init__(self, x, y, z):
        self.x, self.y, self.z = x, y, z


RPoint = recordclass("RPoint", "x y z")


class DPoint(dataobject):
    x: int
    y: int
    z: int


for obj in (Plain(1, 2, 3), Slots(1, 2, 3), RPoint(1, 2, 3), DPoint(1, 2, 3)):
    print(type(obj).__name__, sys.getsizeof(obj), gc.is_tracked(obj))
points = [RPoint(i, i, i) for i in range(1000)]
print(sum(sys.getsizeof(p) for p in points), sum(gc.is_tracked(p) for p in points))
del points
a = RPoint(1, 2, 3)
b = RPoint(a, None, None)
a.y = b
print(gc.is_tracked(a), gc.is_tracked(b))
print(gc.collect() >= 0)
