# The positional fast path of CALL (exact arguments, defaults, bound methods unpacked in
# place) and the general path it falls back to for every argument error.
def f(a, b=2, c=3): return (a, b, c)
def g(a, b): return a - b
class K:
    def m(self, x, y=5): return (self.__class__.__name__, x, y)
k = K()
bm = k.m
for i in range(3):
    print(f(1), f(1, 2), f(1, 2, 3), g(5, 3), k.m(1), k.m(1, 2), bm(7), bm(7, 8))
for call in [lambda: f(), lambda: f(1,2,3,4), lambda: g(1), lambda: k.m(), lambda: bm(1,2,3), lambda: g(1, b=2, a=3)]:
    try: call()
    except TypeError as e: print(e)
import sys
def rec(n): return 0 if n == 0 else 1 + rec(n - 1)
print(rec(500))
try: rec(10**5)
except RecursionError as e: print("RecursionError", e)
print(sys.getrefcount(k), sys.getrefcount(bm))
