# The errors of collections.deque, worded as CPython 3.12.1 words them.
from collections import deque
d = deque([1, 2, 3])
cases = [
    lambda: deque().pop(), lambda: deque().popleft(), lambda: d[3], lambda: d[-4],
    lambda: d.__setitem__(5, 0), lambda: d.__delitem__(-9), lambda: d["a"], lambda: d[1:2],
    lambda: d.index(9), lambda: d.index(1, 1), lambda: d.remove("x"),
    lambda: deque([1], 1).insert(0, 2), lambda: deque(maxlen=-1), lambda: deque(maxlen="a"),
    lambda: deque(maxlen=2.0), lambda: d + [1], lambda: d + None, lambda: d * "a",
    lambda: d.rotate("a"), lambda: d.rotate(1, 2), lambda: d.index(1, "a"),
    lambda: d.index(1, None), lambda: d.index(), lambda: d.insert(1), lambda: d.insert("a", 1),
    lambda: d.count(), lambda: d.append(), lambda: d.pop(0), lambda: hash(d), lambda: d < [1],
    lambda: deque(1), lambda: deque([], 1, 2), lambda: deque(foo=1),
    lambda: deque([1], iterable=[2]), lambda: deque(None), lambda: d.extend(5),
    lambda: d.maxlen.__class__, lambda: setattr(d, "maxlen", 3), lambda: setattr(d, "x", 1),
    lambda: deque(maxlen=2 ** 70), lambda: d[2 ** 70], lambda: {d: 1},
]
for f in cases:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
