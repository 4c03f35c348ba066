# Instances of a subclass of tuple: copied from the tuple made of the argument.
import sys, gc


class Pair(tuple):
    pass


p = Pair([1, 2])
print(p, type(p).__name__, isinstance(p, tuple), p == (1, 2), hash(p) == hash((1, 2)), len(p))
for v in (p[0], p[-1], p[:], p[0:1], p + (3,), p * 1, p * 2, tuple(p), p.count(1), p.index(2)):
    print(v, type(v).__name__)
a, b = p
print(a, b, list(p), sorted(Pair("cab")), 2 in p, list(reversed(p)), max(p))
print(Pair(), Pair("ab"), Pair(range(3)), Pair(Pair((9,))), {p: "pair"}[(1, 2)])
p.label = "xy"
print(p.label, vars(p))
for v in (Pair(), Pair([1]), Pair(range(10))):
    print(len(v), sys.getsizeof(v), gc.is_tracked(v))
t = Pair((1, 2))
gc.collect()
print(gc.is_tracked(t), gc.is_tracked((1, 2)[:1] + (3,)))
print(Pair.__basicsize__, Pair.__itemsize__, Pair.__dictoffset__, Pair.__weakrefoffset__)


class Point(tuple):
    __slots__ = ()


print(sys.getsizeof(Point((1, 2))), Point((1, 2)))
for attempt in ("Pair(1)", "Pair(1, 2)", "Point((1,)).x = 1", "p[5]", "p[0] = 9"):
    try:
        exec(attempt)
    except (TypeError, AttributeError, IndexError) as e:
        print(type(e).__name__, e)
try:
    class Bad(tuple):
        __slots__ = ("x",)
except TypeError as e:
    print(e)
