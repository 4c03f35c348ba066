# collections.deque: the methods, maxlen, comparisons, reprs and error messages.
from collections import deque

d = deque("abc")
d.append("d"); d.appendleft("z"); d.extend("ef"); d.extendleft("yx")
print(d, len(d), d[0], d[-1], "c" in d, d.count("a"), d.index("c"), d.index("c", 2, 7))
d.rotate(2); print(d); d.rotate(-3); print(d); d.reverse(); print(d)
print(d.pop(), d.popleft(), d)
d.insert(2, "I"); d.remove("a"); del d[0]; d[0] = "Q"; print(d, d.maxlen)
m = deque(range(10), maxlen=3)
print(m, m.maxlen, deque(maxlen=0), deque([1], 2) + deque([2, 3]))
m.appendleft(-1); print(m); m.extend([7, 8]); print(m); m.insert(0, 5) if len(m) < 3 else print("full")
print(deque([1, 2]) * 3, 2 * deque([0]), deque([1, 2]) == deque([1, 2]), deque([1]) < deque([2]))
x = deque([1, 2, 3]); x *= 2; x += [9]; print(x, list(reversed(x)), x.copy(), bool(deque()))
r = deque([1]); r.append(r); print(r)
print(deque([[1]]).copy()[0] is deque([[1]])[0], type(iter(x)).__name__)
for bad in [lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1])[5],
            lambda: deque([1]).remove(3), lambda: deque([1]).index(3), lambda: deque(maxlen=-1),
            lambda: deque([1, 2]).rotate("a"), lambda: deque([1], 1).insert(0, 2),
            lambda: deque() + [1], lambda: hash(deque()), lambda: deque(None),
            lambda: deque([1])["a"]]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
it = iter(x)
next(it)
x.append(0)
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError", e)
