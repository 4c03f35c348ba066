# collections.Counter: counting, most_common, elements, total, arithmetic, comparisons.
import sys
from collections import Counter

c = Counter("abracadabra")
print(c, c["a"], c["zzz"], len(c), c.total(), sys.getsizeof(Counter()))
print(c.most_common(), c.most_common(2), c.most_common(0), c.most_common(-1))
print(sorted(c.elements()), list(Counter(a=2, b=0, c=-1).elements()))
c.update("aaz"); c.update({"b": 10}); c.update(q=1); print(c)
c.subtract("aaaa"); c.subtract({"z": 5}); print(c)
del c["q"]; del c["not-there"]; print(c)
a, b = Counter(a=3, b=1, c=-2), Counter(a=1, b=2, d=4)
print(a + b, a - b, a | b, a & b, +a, -a)
x = Counter(a=1); x += Counter(a=-3, b=2); print(x)
x -= Counter(b=1); print(x); x |= Counter(c=5); print(x); x &= Counter(c=2); print(x)
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) < Counter(a=2), Counter(a=1) <= Counter(a=1))
print(Counter(a=2) > Counter(a=1), Counter(a=1) >= Counter(), Counter() == {}, Counter(a=1) != Counter())
print(Counter(), Counter({"x": 2}), Counter(x=1).copy(), isinstance(c, dict), Counter.__mro__)
print(repr(Counter(x=[1], y=[0])), Counter([1, 2, 2]).most_common(1))
for bad in [lambda: Counter.fromkeys("ab"), lambda: Counter(5), lambda: Counter(a=1) + {},
            lambda: Counter(a=1) < {}]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
