# Generators resumed by FOR_ITER and SEND on the caller's run (FOR_ITER_GEN, SEND_GEN): values,
# returns, exceptions and their tracebacks, handled-exception state, re-entry, recursion.
import sys


def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"


print(list(count(5)), [x * x for x in count(4)])
total = 0
for x in count(10):
    for y in count(x):
        total += y
print("nested", total)


def delegate():
    r = yield from count(3)
    print("delegate got", r)
    r2 = yield from [10, 20]
    return r2


print(list(delegate()))


def state_probe():
    g = inner_state()
    for v in g:
        print("probe", v, g.gi_running)
    print("after", g.gi_running)


def inner_state():
    yield 1
    yield 2


state_probe()


def raising():
    yield 1
    raise ValueError("boom")


try:
    for v in raising():
        print("got", v)
except ValueError as e:
    print("caught", e)


def stop_inside():
    yield 1
    raise StopIteration("x")


try:
    for v in stop_inside():
        pass
except RuntimeError as e:
    print("pep479", e, repr(e.__cause__))


def context_now():
    try:
        raise ValueError("probe")
    except ValueError as e:
        return repr(e.__context__)


def exc_state():
    try:
        raise KeyError("k")
    except KeyError:
        yield context_now()
        yield context_now()
    yield context_now()


try:
    raise TypeError("outer")
except TypeError:
    for v in exc_state():
        print("handled in generator", v, "outside", context_now())
print("after", context_now())


def again():
    g = count(2)
    print(next(g))
    for v in g:
        print("rest", v)
    for v in g:
        print("never")
    print(list(g))


again()


def self_ref():
    yield from g_self


g_self = self_ref()
try:
    for _ in g_self:
        pass
except ValueError as e:
    print("self", e)


def closer():
    try:
        yield 1
        yield 2
    finally:
        print("closed")


for v in closer():
    print("closer", v)
    break
print("broke")


def deep(n):
    if n:
        yield from deep(n - 1)
    else:
        yield "bottom"


print(list(deep(50)))
try:
    list(deep(5000))
except RecursionError as e:
    print("RecursionError", e)


def tb():
    yield 1
    1 / 0


def outer():
    for x in tb():
        yield x



g = count(3)
print(sys.getrefcount(g))
for v in g:
    pass
print(sys.getrefcount(g))
print(sum(v % 7 for v in (x * x for x in count(1000))))
print(list(zip(count(3), count(4))))


def sender():
    got = []
    while True:
        x = yield
        if x is None:
            return got
        got.append(x)


def driver():
    r = yield from sender()
    print("sender returned", r)


d = driver()
next(d)
d.send(1)
d.send(2)
try:
    d.send(None)
except StopIteration:
    print("stop")

# The traceback passes through both generator frames, as CPython prints it.
for v in outer():
    pass
