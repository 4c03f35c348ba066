# Generators iterated by built-ins (sum, list, tuple, sorted, str.join, dict, set, min, max):
# each item is a resume from Rust (gen_iternext), made on one run for the whole loop. Values,
# return values, exceptions and their tracebacks, handled-exception state, re-entry, a
# generator closed or exhausted in the middle, recursion, gc counts, frame state.
import gc
import sys


def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"


print(sum(count(10)), sum(count(5), 100), sum((x / 2 for x in count(5)), 0.5))
print(list(count(4)), tuple(count(3)), sorted(count(4), reverse=True), min(count(3)), max(count(3)))
print("-".join(str(x) for x in count(5)), set(count(3)), dict((x, x * x) for x in count(3)))
print(sum(x for x in [2**62, 2**62, 2**62]), sum(x for x in [1, 2.5, True]))
print(sum(([x] for x in count(3)), []))
squares = (x * x for x in count(6))
print(sum(v % 7 for v in squares), list(squares), sum(squares))


def boom(n):
    yield n
    raise KeyError(n)


for name, make in (("sum", sum), ("list", list), ("tuple", tuple), ("sorted", sorted)):
    try:
        make(boom(1))
    except KeyError as e:
        print(name, "raised", repr(e), e.__traceback__.tb_next is not None)


def key(v):
    print("key", v, g.gi_running, g.gi_suspended, g.gi_frame.f_lineno)
    if v == 1:
        g.close()
    return -v


g = count(3)
print("mapped", list(map(key, g)), g.gi_frame)


def reenter():
    yield 1
    yield sum(r)


r = reenter()
try:
    print(list(r))
except ValueError as e:
    print("ValueError", e)


def handled():
    try:
        raise ValueError("inside")
    except ValueError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]


print(list(handled()))
try:
    raise TypeError("outside")
except TypeError:
    print(list(handled()), sys.exc_info()[0].__name__)
print(sys.exc_info())


def returns_value():
    yield 1
    return 7


print(list(returns_value()), sum(returns_value()))
gc.collect()
keep = [[] for _ in range(20)]  # the count stays above 0, so every free counts
before = gc.get_count()
for _ in range(3):
    sum(x for x in range(50))
    sum(y for y in (x for x in range(50)))
print("gc count moved by", [a - b for a, b in zip(gc.get_count(), before)])


def deep(n):
    if n == 0:
        yield 0
        return
    yield sum(deep(n - 1)) + 1


print("deep", sum(deep(200)))
sys.setrecursionlimit(120)
try:
    sum(deep(500))
except RecursionError as e:
    print("RecursionError", e)
sys.setrecursionlimit(100000)
reached = 0


def through_sum(n):
    global reached
    reached = n
    yield sum(through_sum(n + 1))


try:
    sum(through_sum(0))
except RecursionError as e:
    # Each level is a built-in's call and a frame's evaluation against the C limit (1500):
    # CPython stops 747 deep (pyrt 749, and its message may name the call).
    print("RecursionError", 700 < reached < 800)
sys.setrecursionlimit(1000)


def lines():
    yield 1
    yield 2


gen = lines()
print(next(gen), gen.gi_frame.f_lineno, gen.gi_frame.f_lasti, list(gen), gen.gi_frame, list(gen))


def inner():
    yield 1
    1 / 0


def outer():
    yield from inner()


print(sum(x for x in outer()))
