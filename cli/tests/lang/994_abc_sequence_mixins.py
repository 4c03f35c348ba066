# Sequence and MutableSequence give a user class iteration, search, reversal and list's mutators.
from collections.abc import Sequence, MutableSequence
class Squares(Sequence):
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def __getitem__(self, i):
        if not -self.n <= i < self.n:
            raise IndexError(i)
        return (i % self.n) ** 2
q = Squares(6)
print(list(q), list(reversed(q)), 9 in q, 10 in q, q[-1])
print(q.index(9), q.index(16, 2), q.index(1, -6, 3), q.count(4), q.count(5))
for args in ((7,), (0, 1), (25, 0, 5), (1, -3)):
    try:
        print(q.index(*args))
    except ValueError as e:
        print("ValueError", repr(e))
print(sorted(q, reverse=True), max(q), sum(q), tuple(q)[-1])
class Vec(MutableSequence):
    def __init__(self, *items): self._items = list(items)
    def __getitem__(self, i): return self._items[i]
    def __setitem__(self, i, v): self._items[i] = v
    def __delitem__(self, i): del self._items[i]
    def __len__(self): return len(self._items)
    def insert(self, i, v): self._items.insert(i, v)
    def __repr__(self): return f"Vec{tuple(self._items)}"
v = Vec(1, 2, 3)
v.append(4); v.extend([5, 6]); print(v, len(v))
v += (7,); print(v, type(v).__name__)
v.extend(v); print(v, v.pop(), v.pop(0), v)
v.remove(3); print(v)
v.reverse(); print(v, v.index(7), v.count(2))
for bad in (lambda: v.remove(99), v.clear, v.pop):
    try:
        print(bad(), v, len(v))
    except (ValueError, IndexError) as e:
        print(type(e).__name__, repr(e))
print(sorted(name for name in dir(MutableSequence) if not name.startswith("_")))
print(MutableSequence.__iadd__.__qualname__, Sequence.__hash__ is object.__hash__, Vec.__hash__)
