# weakref.WeakValueDictionary: entries go when their value dies.
import weakref
import gc

class Obj:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return f"Obj({self.name!r})"

d = weakref.WeakValueDictionary()
a, b, c = Obj("a"), Obj("b"), Obj("c")
d["a"] = a
d["b"] = b
d[3] = c
print(len(d), sorted(map(str, d.keys())), d["a"], d.get("b"), d.get("zz", "none"))
print("a" in d, "q" in d)
del b
print(len(d), "b" in d, d.get("b"))
try:
    d["b"]
except KeyError as e:
    print("KeyError", e)
print(sorted(d.items(), key=str))
print(list(d.values()))
# Iterating while a value dies: the removal waits for the iteration to end.
it = iter(d.keys())
first = next(it)
del a
print(len(d._pending_removals))
rest = list(it)
print(len(d), "a" in d)
