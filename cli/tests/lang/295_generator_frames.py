# The frames around a running generator: sys._getframe inside one resumed by a for loop, by
# list() and by send(), yield from, and a traceback through a generator's caller.
import sys
def names():
    for _ in range(2):
        yield sys._getframe(0).f_code.co_name, sys._getframe(1).f_code.co_name
def loop():
    return [v for v in names()]
print("for", loop())
print("list", list(names()))
def inner():
    x = yield sys._getframe(1).f_code.co_name
    yield x, sys._getframe(2).f_code.co_name
    return "done"
def outer():
    r = yield from inner()
    yield r
def drive():
    g = outer()
    return next(g), g.send(5), next(g)
print("yield from", drive())
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
    print("recursion", type(e).__name__)
