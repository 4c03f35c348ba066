# collections.namedtuple: fields, defaults, rename, module, the helper methods and errors.
import sys
from collections import namedtuple

Point = namedtuple("Point", "x, y")
p = Point(3, y=4)
print(p, repr(p), p.x + p.y, p[0], p[-1], len(p), tuple(p))
print(Point.__doc__, Point.__new__.__doc__, Point.x.__doc__, Point.y.__doc__)
print(Point._fields, Point._field_defaults, Point.__match_args__, Point.__module__)
print(p._asdict(), p._replace(y=0), Point._make([5, 6]), p.__getnewargs__())
print(sys.getsizeof(p) == sys.getsizeof((3, 4)), isinstance(p, tuple), p == (3, 4))
print(hash(p) == hash((3, 4)), p < Point(3, 5), sorted([Point(2, 1), Point(1, 2)]))
V = namedtuple("V", ["a", "b", "c"], defaults=[2, 3])
print(V(1), V(1, 5), V._field_defaults, V.__new__.__defaults__)
R = namedtuple("R", "abc def ghi abc _x 1", rename=True)
print(R._fields)
M = namedtuple("M", "a", module="some.where")
print(M.__module__, M(1), M.__qualname__, M.__name__)
One = namedtuple("One", "only")
print(One(1), One.__doc__)
for bad in [lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, z=2),
            lambda: Point._make([1]), lambda: p._replace(z=1),
            lambda: namedtuple("1a", "x"), lambda: namedtuple("A", "x x"),
            lambda: namedtuple("A", "_x"), lambda: namedtuple("A", "def"),
            lambda: namedtuple("A", "x", defaults=[1, 2]), lambda: namedtuple("A", [1])]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    p.x = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    del p.y
except AttributeError as e:
    print("AttributeError:", e)
match p:
    case Point(x, y):
        print("matched", x, y)
