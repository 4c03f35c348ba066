# Set and MutableSet give a user class comparisons, operators, isdisjoint and _hash.
from collections.abc import Set, MutableSet, Hashable
class Bag(Set):
    def __init__(self, it=()): self._s = set(it)
    def __contains__(self, x): return x in self._s
    def __iter__(self): return iter(sorted(self._s))
    def __len__(self): return len(self._s)
    def __repr__(self): return f"{type(self).__name__}({sorted(self._s)})"
a, b = Bag([1, 2, 3]), Bag([3, 4])
print(a & b, a | b, a - b, a ^ b, b - a)
print(a & [2, 3, 9], a | [9], a - [1], a ^ [1, 9], [2, 3, 9] & a, [9] | a, [1, 5] - a, [1, 9] ^ a)
print(a == Bag([3, 2, 1]), a == {1, 2, 3}, a == [1, 2, 3], a != b)
print(a <= Bag([1, 2, 3, 4]), a < Bag([1, 2, 3]), a >= Bag([1]), a > Bag([1]), a <= {1, 2, 3})
print(a.isdisjoint([5, 6]), a.isdisjoint(b), a.isdisjoint(iter([3])))
for items in ([1, 2, 3], [], ["x", "y"], [-1], [2 ** 70, 1.5, -7]):
    print(Bag(items)._hash() == hash(frozenset(items)), end=" ")
print(issubclass(Bag, Hashable), Bag.__hash__)
for bad in (lambda: a & 5, lambda: a < 5, lambda: a - 5):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
class Flags(Bag, MutableSet):
    def add(self, x): self._s.add(x)
    def discard(self, x): self._s.discard(x)
f = Flags("abc")
f |= "de"; print(f)
f &= "abcdx"; print(f)
f ^= "ax"; print(f)
f -= "b"; print(f)
f.remove("c"); print(f, f.pop(), f)
for bad in (lambda: f.remove("zz"), lambda: f.__isub__(f), f.pop):
    try:
        print(bad(), len(f))
    except KeyError as e:
        print("KeyError:", repr(e))
g = Flags([1, 2]); g ^= g; print(g)
g.add(3); g.clear(); print(g, sorted(name for name in dir(MutableSet) if not name.startswith("_")))
