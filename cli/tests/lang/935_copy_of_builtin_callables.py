# copy and deepcopy of the functools and operator objects pyrt defines in Rust: the LRU
# wrapper copies as itself, the getters through __reduce__, a KeyWrapper cannot be pickled.
import copy, functools, operator
@functools.lru_cache
def f(x): return x
print(copy.copy(f) is f, copy.deepcopy(f) is f)
g = operator.itemgetter(1, 2)
print(copy.copy(g), copy.deepcopy(g))
a = operator.attrgetter("x.y")
print(copy.copy(a), copy.deepcopy(a))
m = operator.methodcaller("foo", 1, k=2)
print(copy.copy(m))
k = functools.cmp_to_key(lambda a, b: a - b)
try:
    print(copy.copy(k))
except Exception as e:
    print(type(e).__name__, e)
