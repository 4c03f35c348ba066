# collections.deque's C layout: __basicsize__ 216, 64-slot blocks of 528 bytes counted by
# __sizeof__, growth and shrinking across block boundaries, maxlen, the fill heuristics.
import sys
from collections import deque
print(deque.__basicsize__, deque.__itemsize__, deque.__weakrefoffset__, deque.__dictoffset__)
print(deque.__name__, deque.__qualname__, deque.__module__, deque.__hash__, type(deque))
print(type(iter(deque())), type(reversed(deque())))
for n in [0, 1, 31, 32, 63, 64, 65, 127, 128, 129, 500]:
    print(n, sys.getsizeof(deque(range(n))), deque(range(n)).__sizeof__())
def steps(d, op, n):
    seen = []
    for i in range(n):
        op(d, i) if op is not deque.popleft else op(d)
        s = sys.getsizeof(d)
        if not seen or seen[-1][1] != s:
            seen.append((len(d), s))
    return seen
print("append", steps(deque(), deque.append, 300))
d = deque()
print("appendleft", steps(d, deque.appendleft, 300))
print("popleft", steps(d, deque.popleft, 300))
# extend of an empty deque starts at the block's left, extendleft at its right
print(sys.getsizeof(deque(range(63))), sys.getsizeof(deque(range(64))))
e = deque(); e.extendleft(range(63)); print(sys.getsizeof(e))
e = deque(); e.extendleft(range(64)); print(sys.getsizeof(e))
m = deque(range(1000), maxlen=70); print(len(m), sys.getsizeof(m), m[0], m[-1], m.maxlen)
m.append(1000); print(sys.getsizeof(m), m[0])
z = deque(range(10), maxlen=0); print(z, sys.getsizeof(z), z.maxlen)
r = deque(range(100)); r.rotate(37); print(sys.getsizeof(r), r[0], r[-1])
r.rotate(-80); print(sys.getsizeof(r), r[0], r[-1])
r.clear(); print(sys.getsizeof(r), len(r), r)
print(bool(deque()), bool(deque([0])), len(deque("abc")))
