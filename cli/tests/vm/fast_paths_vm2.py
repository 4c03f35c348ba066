# What the dispatch loop's own LOAD_GLOBAL and CALL paths, and runs with inline frames, could
# get wrong: cached globals rebound, deleted and shadowing builtins; calls of every kind of
# callable from the loop; generators resumed from built-ins whose frames call deeper than a
# run's inline frames; errors and tracebacks through those runs.
import sys

counter = 0


def read_counter():
    return counter


def bump():
    global counter
    counter += 1


for _ in range(3):
    bump()
    print("counter", read_counter())


def uses_len(x):
    return len(x)


print(uses_len("abc"))
len = lambda x: 42  # a global now shadows the builtin the cache found
print(uses_len("abc"))
del len
print(uses_len("abcd"))


def gone():
    return missing_name


missing_name = 1
print(gone())
del missing_name
try:
    gone()
except NameError as e:
    print("NameError:", e)

# Globals dict growing while a cached function keeps running (keys version changes).
for i in range(20):
    globals()["g%d" % i] = i
    print(read_counter(), end=" ")
print()


# Calls from the loop: Python functions, defaults, bound methods, builtins, classes, kwargs.
def add(a, b=10):
    return a + b


class K:
    def __init__(self, v):
        self.v = v

    def get(self, extra=0):
        return self.v + extra


k = K(5)
print(add(1), add(1, 2), add(b=3, a=4), k.get(), k.get(1), K.get(k, 2))
print(max(3, 7), sorted([3, 1, 2]), list(map(add, [1, 2])), "x".join(["a", "b"]))
try:
    add()
except TypeError as e:
    print("TypeError:", e)


# Generators resumed from Rust whose frames call deeper than a few levels before yielding.
def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)


def gen_deep(limit):
    for i in range(limit):
        yield deep(i)


print(sum(gen_deep(12)), list(gen_deep(6)), next(gen_deep(9)))
print(sorted(range(10), key=lambda v: deep(v % 7) * -1))


def gen_raises():
    yield deep(5)
    deep(3) + "x"


g = gen_raises()
print(next(g))
try:
    next(g)
except TypeError as e:
    print("TypeError:", e)
print(list(g))


# Recursion through built-in calls and through Python calls still stops where CPython's does.
def recurse(n):
    return recurse(n + 1)


try:
    recurse(0)
except RecursionError as e:
    print("RecursionError:", e)

sys.setrecursionlimit(60)


def via_map(n):
    return list(map(via_map, [n + 1]))


try:
    via_map(0)
except RecursionError as e:
    print("RecursionError (map):", e)
sys.setrecursionlimit(1000)

# A traceback through a generator resumed by sum() and frames called from it.
print(sum(gen_deep(4)))
sum(deep(v) + (1 if v < 2 else "a") for v in range(4))
