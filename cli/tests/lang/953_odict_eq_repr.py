# OrderedDict equality (order-sensitive between two OrderedDicts, not with a dict) and repr
# (3.12's OrderedDict({...}) form, empty, nested, recursive, subclasses).
from collections import OrderedDict

a = OrderedDict(x=1, y=2)
b = OrderedDict(y=2, x=1)
print(a == b, a != b, a == dict(b), dict(a) == b, b == {"x": 1, "y": 2}, a == [1])
b.move_to_end("y")
print(a == b, a != b, a == OrderedDict(x=1, y=3), a == OrderedDict(x=1))
print(repr(OrderedDict()), str(OrderedDict(a=1)), repr(OrderedDict([(1, "one"), ((2,), None)])))
print(OrderedDict(a=OrderedDict(b=OrderedDict())), [OrderedDict(z=0)])
r = OrderedDict(k=1); r["me"] = r; r["list"] = [r]
print(r)
class Sub(OrderedDict):
    pass
s = Sub(q=1)
print(s, Sub(), repr(Sub(a=Sub(b=1))), s == OrderedDict(q=1), OrderedDict(q=1) == s)
class Loud(OrderedDict):
    def __repr__(self):
        return "Loud!" + super().__repr__()
print(Loud(a=1), OrderedDict(l=Loud()))
class K:
    def __init__(self, n): self.n = n
    def __eq__(self, o): print("eq", self.n, o.n); return self.n == o.n
    def __hash__(self): return 0
print(OrderedDict([(K(1), 1), (K(2), 2)]) == OrderedDict([(K(1), 1), (K(2), 2)]))
print(a.__eq__(1), a.__ne__(b), OrderedDict.__eq__(a, {"x": 1, "y": 2}))
