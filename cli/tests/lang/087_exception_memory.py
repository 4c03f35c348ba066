import sys
import gc

def make_error():
    data = [0] * 100
    try:
        raise ValueError("x")
    except ValueError as e:
        return e

err = make_error()
print(type(err.__traceback__).__name__)
tb = err.__traceback__
print(tb.tb_lineno, tb.tb_frame.f_code.co_name)
print(sys.getrefcount(err))
print(gc.is_tracked(err))
err.__traceback__ = None
print(err.__traceback__)
e2 = KeyError("k")
print(e2.__traceback__, sys.getrefcount(e2))
try:
    raise e2
except KeyError:
    pass
print(e2.__traceback__ is not None)
