# recordclass 0.24.1: records without a GC header, against dicts, classes and tuples
import gc
import sys
from collections import namedtuple
from recordclass import recordclass, dataobject, mutabletuple
class WithSlots:
    __slots__ = ('x', 'y', 'z')
    def __init__(self, x, y, z):
        self.x, self.y, self.z = x, y, z
NPoint = namedtuple('NPoint', 'x y z')
RPoint = recordclass('RPoint', 'x y z')
class DPoint(dataobject):
    x: int
    y: int
    z: int
rows = [
    ('dict', {'x': 1, 'y': 2, 'z': 3}),
    ('__slots__ instance', WithSlots(1, 2, 3)),
    ('tuple', (1, 2, 3)),
    ('namedtuple', NPoint(1, 2, 3)),
    ('mutabletuple', mutabletuple(1, 2, 3)),
    ('recordclass', RPoint(1, 2, 3)),
    ('dataobject', DPoint(1, 2, 3)),
]
print(f"{'':<20} getsizeof  GC header")
for name, ob in rows:
    print(f'{name:<20} {sys.getsizeof(ob):>9}  {sys.getsizeof(ob) - ob.__sizeof__():>9}')
p = RPoint(1, 2, 3)
p.x = 10
print(p, p[0], p._asdict())
n = 100000
points = [RPoint(i, i, i) for i in range(n)]
print(f'{n:,} recordclass points: {sum(sys.getsizeof(q) for q in points) / 1e6:.1f} MB, '
      f'{sum(gc.is_tracked(q) for q in points)} tracked by the collector')
