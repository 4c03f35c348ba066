# functools.total_ordering, cached_property and partialmethod.
from functools import total_ordering, cached_property, partialmethod

@total_ordering
class V:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return self.n == other.n
    def __lt__(self, other):
        return self.n < other.n
a, b = V(1), V(2)
print(a < b, a <= b, a > b, a >= b, b >= a, a <= V(1), V.__gt__.__name__, sorted([b, a])[0].n)
@total_ordering
class G:
    def __init__(self, n):
        self.n = n
    def __gt__(self, other):
        return self.n > other.n
print(G(1) < G(2), G(3) <= G(2), G(2) >= G(2))
try:
    @total_ordering
    class Nothing:
        pass
except ValueError as e:
    print("ValueError", e)
class Data:
    def __init__(self):
        self.calls = 0
    @cached_property
    def total(self):
        "The total."
        self.calls += 1
        return 42
d = Data()
print(d.total, d.total, d.calls, "total" in d.__dict__, Data.total.__doc__, Data.total.attrname)
del d.total
print(d.total, d.calls)
class Cell:
    def set(self, state):
        self.state = state
    on = partialmethod(set, True)
    off = partialmethod(set, False)
c = Cell(); c.on(); print(c.state); c.off(); print(c.state)
class Slotted:
    __slots__ = ()
    @cached_property
    def x(self):
        return 1
try:
    Slotted().x
except TypeError as e:
    print("TypeError", e)
