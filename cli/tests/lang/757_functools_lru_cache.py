# functools.lru_cache and cache: hits, misses, eviction order, typed keys, cache_clear.
import functools

@functools.lru_cache(maxsize=2)
def sq(n):
    print("  compute", n)
    return n * n
for n in [1, 2, 1, 3, 2, 1]:
    sq(n)
print(sq.cache_info(), sq.cache_parameters(), sq.__name__, sq.__wrapped__(4))
sq.cache_clear(); print(sq.cache_info())
@functools.lru_cache
def plain(x, y=0):
    return x + y
print(plain(1), plain(1), plain(1, y=0), plain(x=1), plain.cache_info())
@functools.lru_cache(typed=True)
def t(x):
    return type(x).__name__
print(t(1), t(1.0), t(True), t.cache_info())
@functools.lru_cache(maxsize=0)
def nocache(x):
    return x
print(nocache(1), nocache(1), nocache.cache_info())
@functools.cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(100), fib.cache_info(), fib.cache_parameters())
class C:
    @functools.lru_cache(maxsize=None)
    def m(self, x):
        return x * 2
c = C()
print(c.m(3), c.m(3), C.m.cache_info())
print(functools.lru_cache(maxsize=-5)(abs).cache_info())
for bad in [lambda: functools.lru_cache("x"), lambda: plain([1])]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
