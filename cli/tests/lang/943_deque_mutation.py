# A deque changed while it is iterated or searched (by a user __eq__ that appends): CPython's
# RuntimeError, IndexError for remove; changes that keep the indices do not count.
from collections import deque

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

d = deque([1, 2, 3])
it = iter(d); print(next(it)); d.append(4)
attempt(lambda: next(it)); attempt(lambda: next(it))
d = deque([1, 2, 3]); rit = reversed(d); print(next(rit)); d.popleft(); attempt(lambda: next(rit))
d = deque([1, 2, 3]); it = iter(d); d[0] = 9; print(list(it))
d = deque([1, 2, 3]); it = iter(d); d.reverse(); print(list(it))
d = deque(range(5)); it = iter(d); d.rotate(1); attempt(lambda: next(it))

class Grow:
    calls = 0
    def __eq__(self, other):
        Grow.calls += 1
        target.append(0)
        return False
    __hash__ = None

for name in ["count", "index", "remove", "in"]:
    target = deque([1, 2, 3])
    if name == "in":
        attempt(lambda: Grow() in target)
    else:
        attempt(lambda: getattr(target, name)(Grow()))
print(Grow.calls)
