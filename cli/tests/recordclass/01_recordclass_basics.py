# recordclass(name, fields): sizes, reprs, GC, fields by name and index.
import gc
import sys
from recordclass import recordclass

Point = recordclass("Point", "x y z")
p = Point(1, 2, 3)
print(sys.getsizeof(p), p.__sizeof__(), Point.__basicsize__)
print(p, repr(p), str(p))
print(gc.is_tracked(p))
print(type(Point), Point.__mro__)
print(Point.__fields__, Point.__module__, Point.__name__, Point.__qualname__)
print(Point.__dict__['x'], Point.x)
print(repr(Point.__doc__))
print(Point.__options__)
print(Point.__defaults__, Point.__default_vals__, Point.__match_args__)
p.x = 10
print(p, p[0], p[-1], len(p), list(p), tuple(p))
p[1] = 20
print(p, p.y)
a, b, c = p
print(a, b, c)
print(Point(1, 2), Point(), Point(z=3), Point(1, y=5))
print(p._asdict(), p._replace(z=30), p, Point._make([4, 5, 6]))
lst = [p]
p.x = lst
print(gc.is_tracked(p), gc.is_tracked(lst))
Pair = recordclass("Pair", ["a", "b"])
print(Pair(1, 2), sys.getsizeof(Pair(1, 2)))
Empty = recordclass("Empty", "")
print(Empty(), sys.getsizeof(Empty()), len(Empty()))
print(sys.getsizeof(recordclass("Big", " ".join(f"f{i}" for i in range(10)))()))
