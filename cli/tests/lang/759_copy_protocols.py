# copy: shallow and deep copies of containers, instances, slots, __copy__/__deepcopy__, memo.
import copy

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"
p = Point([1], "s")
s, d = copy.copy(p), copy.deepcopy(p)
print(s, d, s is p, s.x is p.x, d.x is p.x, d.y is p.y, type(d).__name__)
class Slots:
    __slots__ = ("a", "b")
o = Slots(); o.a = [1]
c = copy.deepcopy(o); print(c.a, c.a is o.a, hasattr(c, "b"))
class Custom:
    def __init__(self):
        self.log = []
    def __copy__(self):
        print("  __copy__")
        return "shallow!"
    def __deepcopy__(self, memo):
        print("  __deepcopy__", type(memo).__name__)
        return "deep!"
print(copy.copy(Custom()), copy.deepcopy([Custom()]))
class Reduced:
    def __init__(self, v):
        self.v = v
    def __reduce__(self):
        return (Reduced, (self.v * 2,))
print(copy.copy(Reduced(2)).v, copy.deepcopy(Reduced(3)).v)
