# WeakKeyDictionary: setdefault, pop, popitem, update, copy, keyrefs.
import weakref
import gc

class Key:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return f"Key({self.n})"

d = weakref.WeakKeyDictionary()
k1, k3 = Key(1), Key(3)
d[k3] = [3]
k4 = Key(4)
print(d.setdefault(k4, "four"), d.setdefault(k4, "other"))
print(d.pop(k4), d.pop(k4, "gone"))
try:
    d.pop(k4)
except KeyError as e:
    print("KeyError", e.args[0]() is k4)
d.update({k4: 4})
d.update([(k1 := Key(11), 11)])
print(sorted(d.values(), key=str))
c = d.copy()
print(type(c).__name__, len(c), c == d, c == {k3: [3], k4: 4, k1: 11})
print(sorted(r().n for r in d.keyrefs()))
print(d.popitem() in [(k3, [3]), (k4, 4), (k1, 11)], len(d))
del k3, k4, k1
gc.collect()
print(len(d), len(c))
