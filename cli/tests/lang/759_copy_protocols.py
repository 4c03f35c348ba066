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
t = (1, [2]); print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy(t[:1]) == (1,))
for v in [1, 2.5, "s", None, b"b", frozenset({1}), range(3), len, Point]:
    print(copy.copy(v) is v, copy.deepcopy(v) is v, end="; ")
print()
shared = [0]
pair = [shared, shared]
dp = copy.deepcopy(pair); print(dp[0] is dp[1], dp[0] is shared)
memo = {}
copy.deepcopy(pair, memo); print(memo[id(shared)], len(memo))
nested = {"a": {1, 2}, "b": [{"c": (3, [4])}]}
nd = copy.deepcopy(nested); nd["b"][0]["c"][1].append(5); print(nested, nd)
class L(list):
    pass
ll = L([1, [2]]); ll.tag = "t"; cl = copy.deepcopy(ll)
print(type(cl).__name__, cl, cl.tag, cl[1] is ll[1], copy.copy(ll)[1] is ll[1])
print(copy.Error, copy.error is copy.Error)
