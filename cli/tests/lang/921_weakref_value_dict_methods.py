# WeakValueDictionary: setdefault, pop, popitem, update, copy, valuerefs.
import weakref
import gc

class Obj:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return f"Obj({self.name!r})"

d = weakref.WeakValueDictionary()
d = weakref.WeakValueDictionary()
c = Obj("c")
d[3] = c
x = Obj("x")
print(d.setdefault("x", x) is x, d.setdefault("x", Obj("y")) is x)
print(d.pop("x") is x, d.pop("x", "gone"))
try:
    d.pop("x")
except KeyError as e:
    print("KeyError", e)
keep = [Obj("k%d" % i) for i in range(3)]
d.update({"k0": keep[0]}, k1=keep[1])
d.update([("k2", keep[2])])
print(sorted(map(str, d)))
e = d.copy()
print(type(e).__name__, len(e), e == d, e != d)
k, v = e.popitem()
print(len(e), d == e)
refs = d.valuerefs()
print(len(refs), all(isinstance(r, weakref.ref) for r in refs))
print(sorted(str(r()) for r in d.itervaluerefs()))
del keep
gc.collect()
print(len(d), len(e), sorted(map(str, d)))
d.clear()
print(len(d))
