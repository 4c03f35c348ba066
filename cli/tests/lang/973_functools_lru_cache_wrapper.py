# functools.lru_cache wraps in _functools._lru_cache_wrapper: hits and misses, the eviction
# order of a bounded cache (maxsize=2), cache_clear, recursion, maxsize=None and 0, typed.
import functools, sys, gc
from functools import lru_cache, cache

@lru_cache(maxsize=2)
def sq(x):
    print('compute', x)
    return x * x
print(type(sq), sys.getsizeof(sq), gc.is_tracked(sq), sq.__name__, sq.__qualname__, sq.__wrapped__.__name__)
for x in [1, 2, 1, 3, 2, 1, 3]:
    print(x, sq(x), sq.cache_info())
print(sq.cache_parameters())
sq.cache_clear()
print(sq.cache_info(), sq(3), sq.cache_info())

@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(100), fib.cache_info())

@cache
def f(*args, **kw):
    return len(args) + len(kw)
print(f(1), f(1), f(1.0), f(1, a=2), f(1, a=2), f(a=2), f(), f(), f.cache_info())

@lru_cache(typed=True)
def g(x):
    return type(x).__name__
print(g(1), g(1.0), g(True), g(1), g('1'), g.cache_info())

@lru_cache(maxsize=0)
def h(x):
    return x
print(h(1), h(1), h.cache_info(), h.cache_parameters())

@lru_cache(maxsize=3)
def k(a, b=0):
    return a + b
print(k(1), k(1, 2), k(1, b=2), k(a=1, b=2), k(1), k(4), k(5), k(1), k.cache_info())
