# weakref.WeakSet: members leave when they die.
import weakref
import gc

class Item:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return f"Item({self.n})"

items = [Item(i) for i in range(5)]
s = weakref.WeakSet(items[:3])
print(len(s), items[0] in s, items[4] in s, 5 in s, sorted(x.n for x in s))
s.add(items[3])
s.discard(items[4])
s.remove(items[0])
try:
    s.remove(items[0])
except KeyError as e:
    print("KeyError", type(e.args[0]).__name__)
print(len(s), sorted(x.n for x in s))
del items[1]
print(len(s), sorted(x.n for x in s))
# a member dying while the set is iterated leaves after the iteration
pair = [Item(10), Item(11)]
w = weakref.WeakSet(pair)
it = iter(w)
first = next(it)
pair.remove(first)
pair.clear()
print(len(w._pending_removals), len(w))
rest = list(it)
print(len(rest), len(w))
del first
print(len(w))
t = weakref.WeakSet(items)
