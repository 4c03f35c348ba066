# The user __eq__ that deque's count, index, remove, `in` and comparisons call, and errors
# raised from it; an item is found by identity before __eq__ is asked.
from collections import deque

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

class Eq:
    def __init__(self, v): self.v = v
    def __eq__(self, other):
        print("eq", self.v, getattr(other, "v", other))
        return getattr(other, "v", other) == self.v
    __hash__ = None
    def __lt__(self, other): return self.v < other.v

d = deque([Eq(1), Eq(2), Eq(3)])
print(d.count(2), d.index(3), Eq(2) in d)
d.remove(2); print([e.v for e in d])
print(deque([Eq(1), Eq(2)]) == deque([Eq(1), Eq(2)]), deque([Eq(1), Eq(2)]) < deque([Eq(1), Eq(5)]))

class Boom:
    def __eq__(self, other): raise ValueError("boom")
attempt(lambda: deque([1, 2]).count(Boom()))
attempt(lambda: deque([Boom()]) == deque([1]))
x = Boom(); print(deque([x]).count(x), x in deque([x]), deque([x]).index(x))

class Clear:
    def __eq__(self, other):
        victim.clear()
        return False
victim = deque(range(100))
attempt(lambda: victim.index(Clear()))
print(len(victim))
