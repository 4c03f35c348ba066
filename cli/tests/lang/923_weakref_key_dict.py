# weakref.WeakKeyDictionary: entries go when their key dies.
import weakref
import gc

class Key:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return f"Key({self.n})"

d = weakref.WeakKeyDictionary()
k1, k2, k3 = Key(1), Key(2), Key(3)
d[k1] = "one"
d[k2] = "two"
d[k3] = [3]
print(len(d), d[k1], d.get(k2), d.get(Key(9), "missing"), k3 in d, Key(9) in d, 5 in d)
print(list(d.keys()), list(d.values()))
print(list(d.items()))
del k2
print(len(d), list(d.values()))
try:
    d[Key(4)]
except KeyError as e:
    print("KeyError", type(e.args[0]).__name__)
try:
    d[5] = 1
except TypeError as e:
    print("TypeError", e)
# a key that dies while the dict is iterated is removed afterwards
it = d.items()
print(next(it))
del k1
print(len(d._pending_removals), len(d))
print(list(it))
print(len(d), list(d.values()))
