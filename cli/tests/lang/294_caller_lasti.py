# Where a caller's frame stands while its callee runs: 3.12 inlines Python-to-Python calls
# (and FOR_ITER/SEND over generators), leaving the caller at its instruction's last cache
# unit; a class's __init__ is called from type_call, so its caller stays at the CALL.
import sys


def callee():
    return sys._getframe(1).f_lasti, sys._getframe(0).f_lasti


def caller():
    return callee()


print("call", caller())


def kw_callee(a, *, b):
    return sys._getframe(1).f_lasti


def kw_caller():
    return kw_callee(1, b=2), kw_callee(*(1,), **{"b": 2})


print("kw and ex", kw_caller())


class WithInit:
    def __init__(self, x):
        self.where = sys._getframe(1).f_lasti


def make():
    return WithInit(1).where


print("init", make())


def raiser():
    raise ValueError("boom")


def tb_lasti():
    try:
        raiser()
    except ValueError as e:
        tb = e.__traceback__
        return tb.tb_lasti, tb.tb_next.tb_lasti, tb.tb_lineno, tb.tb_next.tb_lineno


print("traceback", tb_lasti())


class BadInit:
    def __init__(self):
        return 3


def bad_init():
    try:
        BadInit()
    except TypeError as e:
        return str(e), e.__traceback__.tb_lasti


print("bad init", bad_init())


def inner():
    x = yield 1
    yield x
    return "done"


def outer():
    r = yield from inner()
    yield r


g = outer()
print("yield from", next(g), g.send(5), next(g))


def gen_raises():
    yield 1
    raise KeyError("k")


def loop_over():
    try:
        for _ in gen_raises():
            pass
    except KeyError as e:
        tb = e.__traceback__
        return tb.tb_lasti, tb.tb_next.tb_lasti, tb.tb_next.tb_lineno


print("gen traceback", loop_over())


def deep(n):
    return deep(n + 1)


try:
    deep(0)
except RecursionError as e:
    n = 0
    tb = e.__traceback__
    while tb is not None:
        n += 1
        tb = tb.tb_next
    print("recursion", type(e).__name__, n > 100)
