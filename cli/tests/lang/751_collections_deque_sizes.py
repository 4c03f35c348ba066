# collections.deque: sys.getsizeof follows CPython's 64-slot blocks through every operation.
import sys
from collections import deque

d = deque()
sizes = []
for i in range(200):
    d.append(i)
    sizes.append(sys.getsizeof(d))
print(sizes[0], sizes[31], sizes[32], sizes[95], sizes[96], sizes[199])
e = deque()
print([sys.getsizeof(e) for _ in range(70) if e.appendleft(0) is None][::8])
while len(e) > 3:
    e.pop()
print(len(e), sys.getsizeof(e))
while e:
    e.popleft()
print(sys.getsizeof(e), sys.getsizeof(deque([])), sys.getsizeof(deque([1])))
f = deque(range(100))
f.rotate(37)
print(sys.getsizeof(f), f[0], f[-1])
f.rotate(-80)
print(sys.getsizeof(f), f[0], f[-1])
f.clear(); print(sys.getsizeof(f))
g = deque(range(63))
g.insert(10, "x")
del g[5]
g.remove("x")
print(sys.getsizeof(g), len(g))
h = deque(maxlen=5)
for i in range(300):
    h.append(i)
print(h, sys.getsizeof(h))
for i in range(300):
    h.appendleft(i)
print(h, sys.getsizeof(h))
k = deque(range(130))
for _ in range(129):
    k.popleft()
print(k, sys.getsizeof(k), sys.getsizeof(deque("abc")), sys.getsizeof(deque(range(64))))
