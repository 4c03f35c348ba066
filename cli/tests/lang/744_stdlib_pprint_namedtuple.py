# pprint: a namedtuple is printed by its own repr (CPython 3.12 does not split it).
import collections, pprint

Point = collections.namedtuple("Point", "x y z")
p = Point(1, [2] * 30, "three" * 10)
pprint.pprint(p)
pprint.pprint([Point(1, 2, 3)] * 3, width=30)
pprint.pprint({"origin": Point(0, 0, 0), "far": Point(10**6, 10**6, 10**6)}, width=40)
print(pprint.saferepr(Point(1, 2, 3)), pprint.isreadable(Point(1, 2, 3)))
print(pprint.pformat(Point("a", "b", "c"), depth=1))
print(pprint.pformat((Point(1, 2, 3),), underscore_numbers=True))
class Sub(Point):
    pass
pprint.pprint(Sub(1, 2, 3))
pprint.pprint(tuple(Point(4, 5, 6)))
