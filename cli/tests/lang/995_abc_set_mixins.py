# Set and MutableSet give a user class comparisons, operators, isdisjoint and _hash.
from collections.abc import Set, MutableSet, Hashable


class Bag(Set):
    def __init__(self, it=()):
        self._items = []
        for x in it:
            if x not in self._items:
                self._items.append(x)

    def __contains__(self, x):
        return x in self._items

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)

    def __repr__(self):
        return f"Bag({sorted(self._items)})"


a, b = Bag([1, 2, 3]), Bag([3, 4])
print(a & b, a | b, a - b, a ^ b, b - a)
print(a & [2, 3, 9], a | [9], a - [1], a ^ [1, 9])
print([2, 3, 9] & a, [9] | a, [1, 5] - a, [1, 9] ^ a)
print(a == Bag([3, 2, 1]), a == {1, 2, 3}, a == [1, 2, 3], a != b)
print(a <= Bag([1, 2, 3, 4]), a < Bag([1, 2, 3]), a >= Bag([1]), a > Bag([1]), a <= {1, 2, 3})
print(a.isdisjoint([5, 6]), a.isdisjoint(b), a.isdisjoint(iter([3])))
print(a._hash() == hash(frozenset([1, 2, 3])), Bag()._hash() == hash(frozenset()))
print(Bag(["x", "y"])._hash() == hash(frozenset(["x", "y"])), Bag([-1])._hash() == hash(frozenset([-1])))
print(issubclass(Bag, Hashable), Bag.__hash__)
try:
    a & 5
except TypeError as e:
    print("TypeError:", e)
try:
    a < 5
except TypeError as e:
    print("TypeError:", e)


class Flags(MutableSet):
    def __init__(self, it=()):
        self._s = set(it)

    def __contains__(self, x):
        return x in self._s

    def __iter__(self):
        return iter(sorted(self._s))

    def __len__(self):
        return len(self._s)

    def add(self, x):
        self._s.add(x)

    def discard(self, x):
        self._s.discard(x)

    def __repr__(self):
        return f"Flags({sorted(self._s)})"


f = Flags("abc")
f |= "de"
print(f)
f &= "abcdx"
print(f)
f ^= "ax"
print(f)
f -= "b"
print(f)
f.remove("c")
print(f, f.pop(), f)
try:
    f.remove("zz")
except KeyError as e:
    print("KeyError:", e)
f -= f
print(f, len(f))
try:
    f.pop()
except KeyError as e:
    print("KeyError:", repr(e))
g = Flags([1, 2])
g ^= g
print(g)
g.add(3)
g.clear()
print(g)
print(sorted(name for name in dir(MutableSet) if not name.startswith("_")))
