# functools.lru_cache: seeded random call sequences; hits, misses and the cached keys agree.
import functools

seed = 99
def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed >> 8) % n
for maxsize in (1, 2, 3, 8, 32, None):
    calls = []
    @functools.lru_cache(maxsize=maxsize)
    def f(x, y=0):
        calls.append((x, y))
        if x > 0 and rand(5) == 0:
            f(x - 1)
        return x * 10 + y
    total = 0
    for step in range(500):
        x = rand(12)
        if rand(3):
            total += f(x)
        elif rand(2):
            total += f(x, y=rand(2))
        else:
            total += f(x, rand(2))
        if step % 97 == 96:
            f.cache_clear()
    print(maxsize, f.cache_info(), total, len(calls), calls[-6:])
@functools.lru_cache(maxsize=4, typed=True)
def g(v):
    return repr(v)
for v in [1, 1.0, True, "1", 1, (1,), 1.0, (1,), 2, 3, 1]:
    g(v)
print(g.cache_info())
