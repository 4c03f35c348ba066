# WeakSet: comparisons and set operations.
import weakref
import gc

class Item:
    def __init__(self, n):
        self.n = n

items = [Item(i) for i in range(5)]
s = weakref.WeakSet(items[2:4])
t = weakref.WeakSet(items)
print(len(t), s <= t, t >= s, s < t, t > s, s == t, s != t, s.issubset(items))
print(sorted(x.n for x in (t - s)), sorted(x.n for x in (t & s)), sorted(x.n for x in (t | s)))
print(sorted(x.n for x in (t ^ s)), s.isdisjoint(t), type(t - s).__name__)
u = t.copy()
u -= s
print(sorted(x.n for x in u))
u |= s
u &= weakref.WeakSet(items[1:])
u ^= weakref.WeakSet(items[:2])
print(sorted(x.n for x in u))
p = u.pop()
print(p in items, len(u))
u.clear()
try:
    u.pop()
except KeyError as e:
    print("KeyError", e)
for bad in (lambda: s.add(1), lambda: hash(s)):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
print(s == set(items), s.__eq__(set(items)), 1 in s, s.intersection([]) == weakref.WeakSet())
del items, p
gc.collect()
print(len(s), len(t), list(s))
