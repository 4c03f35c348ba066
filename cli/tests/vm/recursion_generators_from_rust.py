# A generator resumed from Rust (gen_iternext under sum, list, sorted, dict, next, send, a
# genexpr under str.join) recursing until CPython 3.12.1's C recursion limit stops it: the
# check that fails is the frame evaluation's (_PyEval_EvalFrameDefault's
# _Py_EnterRecursiveCallTstate(tstate, "")), so the message names no call. The depth reached
# is only bounded here (CPython stops 747 levels deep under sum, pyrt a few levels later).
import sys

reached = 0


def through_sum(n):
    global reached
    reached = n
    yield sum(through_sum(n + 1))


def through_list(n):
    global reached
    reached = n
    yield list(through_list(n + 1))


def through_sorted(n):
    global reached
    reached = n
    yield sorted(through_sorted(n + 1))


def through_next(n):
    global reached
    reached = n
    yield next(through_next(n + 1))


def through_send(n):
    global reached
    reached = n
    g = through_send(n + 1)
    yield g.send(None)


def through_dict(n):
    global reached
    reached = n
    return dict((k, through_dict(n + 1)) for k in [1])


for limit in (1000, 100000):
    sys.setrecursionlimit(limit)
    for f in (through_sum, through_list, through_sorted, through_next, through_send, through_dict):
        reached = 0
        try:
            r = f(0)
            if not isinstance(r, dict):
                list(r)
        except RecursionError as e:
            print(limit, f.__name__, 300 < reached < 800, e)
sys.setrecursionlimit(1000)
