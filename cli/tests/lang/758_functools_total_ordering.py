# functools.total_ordering: the missing comparisons from one the class defines.
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
