# lru_cache edges: keyword order and typed keywords, a raising call (a miss, nothing cached),
# calls that fill or clear the cache during a call, a long pseudo-random run on a small cache.
from functools import lru_cache

@lru_cache(maxsize=4, typed=True)
def kw(a=0, b=0):
    return (a, b)
print(kw(a=1, b=2), kw(b=2, a=1), kw(a=1, b=2), kw(a=1.0, b=2), kw(1, 2), kw.cache_info())

@lru_cache(maxsize=2)
def boom(x):
    if x < 0:
        raise ValueError(x)
    return x
for x in [1, -1, -1, 1]:
    try:
        print(boom(x), boom.cache_info())
    except ValueError as e:
        print('ValueError', e, boom.cache_info())
depth = [0]
@lru_cache(maxsize=3)
def again(n):
    depth[0] += 1
    if depth[0] == 1:
        again(n)
    return n * 10
print(again(4), again(4), again.cache_info())
@lru_cache(maxsize=2)
def clearer(n):
    clearer.cache_clear()
    return n * 2
print(clearer(1), clearer(2), clearer(1), clearer.cache_info())

@lru_cache(maxsize=3)
def step(x):
    return x * 3
seed = 7
for i in range(300):
    seed = (seed * 1103515245 + 12345) % 2147483648; step(seed % 6)
print(step.cache_info())
