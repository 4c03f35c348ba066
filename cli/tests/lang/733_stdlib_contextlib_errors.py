# contextlib.contextmanager: the errors of a generator that misbehaves, StopIteration.
import contextlib

@contextlib.contextmanager
def no_yield():
    return iter(())
@contextlib.contextmanager
def two_yields():
    yield from (1, 2)
@contextlib.contextmanager
def yields_after_throw():
    try:
        yield
    except ZeroDivisionError:
        yield
for cm, fail in ((no_yield, 0), (two_yields, 0), (yields_after_throw, 1)):
    try:
        with cm():
            1 / (1 - fail)
    except RuntimeError as e:
        print(type(e).__name__, e, type(e.__context__).__name__)
@contextlib.contextmanager
def plain():
    yield "p"
try:
    with plain():
        raise StopIteration("mine")
except StopIteration as e:
    print("StopIteration kept", e)
@contextlib.contextmanager
def stops():
    try:
        yield
    except KeyError:
        return
with stops():
    raise KeyError("gone")
print("suppressed by return")
