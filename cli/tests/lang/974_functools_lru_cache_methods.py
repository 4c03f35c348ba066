# An lru_cache wrapper on a method binds like a function (C.m.cache_info()); its attributes
# come from update_wrapper; __copy__/__deepcopy__/__reduce__; the argument errors; sizes.
import functools, sys, gc
from functools import lru_cache

class C:
    def __init__(self, k):
        self.k = k
    @lru_cache(maxsize=8)
    def m(self, x):
        return self.k * x
a, b = C(2), C(3)
print(a.m(5), a.m(5), b.m(5), C.m.cache_info(), type(C.m), type(a.m))
print(C.m(a, 5), C.m.cache_info(), a.m.__self__ is a, a.m.__func__ is C.m)

@lru_cache
def plain(x):
    "doc"
    return -x
print(plain(3), plain.__doc__, plain.cache_parameters(), plain.__module__, plain.__wrapped__(4))
print(plain.__copy__() is plain, plain.__deepcopy__({}) is plain, plain.__reduce__())
print(sorted(plain.__dict__), callable(plain))
plain.extra = 1
print(plain.extra, plain.__dict__['extra'])
for thunk in [lambda: plain([1]), lambda: lru_cache(maxsize='x'), lambda: functools._lru_cache_wrapper(1, 1, False, None),
              lambda: functools._lru_cache_wrapper(len, 'x', False, None), lambda: plain.missing,
              lambda: plain.cache_info(1), lambda: plain(), lambda: plain.__copy__(k=1)]:
    try:
        thunk()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
print(type(functools._lru_cache_wrapper), functools._lru_cache_wrapper)
w = lru_cache()(lambda: 0)
print(sys.getsizeof(w), w(), w(), w.cache_info(), gc.is_tracked(w))
w2 = lru_cache(maxsize=None)(len)
print(w2('abc'), w2('abc'), w2.cache_info(), sys.getsizeof(w2))
