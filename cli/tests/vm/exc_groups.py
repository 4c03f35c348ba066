# ExceptionGroup: split, subgroup, derive, the constructor checks, and except* (CHECK_EG_MATCH,
# INTRINSIC_PREP_RERAISE_STAR).
import sys
eg = ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)]), KeyError(4)])
print(repr(eg.split(ValueError)))
print(repr(eg.subgroup(TypeError)))
print(repr(eg.subgroup(lambda e: isinstance(e, KeyError))))
print(repr(eg.split((TypeError, KeyError))))
print(eg.subgroup(OSError))
print(repr(eg.derive([ValueError(9)])))
print(eg.message, len(eg.exceptions), str(eg))
for bad in [1, "x", (ValueError, 1)]:
    try:
        eg.split(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    BaseExceptionGroup("m", [KeyboardInterrupt()]).split(KeyboardInterrupt)
except Exception as e:
    print("no", e)
print(type(BaseExceptionGroup("m", [ValueError()])).__name__, type(BaseExceptionGroup("m", [KeyboardInterrupt()])).__name__)
try:
    ExceptionGroup("m", [KeyboardInterrupt()])
except TypeError as e:
    print(e)
for args in [(), ("m",), (1, [ValueError()]), ("m", []), ("m", [1]), ("m", 5)]:
    try:
        ExceptionGroup(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
e1 = ValueError("a"); e1.add_note("n1")
g = ExceptionGroup("g", [e1]); g.add_note("gn")
m, r = g.split(ValueError)
print(m is g, r)
m, r = ExceptionGroup("g2", [e1, TypeError()]).split(ValueError)
print(m.__notes__ if hasattr(m, "__notes__") else None, m.exceptions[0] is e1)
g.__notes__ = ["x"]
m, r = ExceptionGroup("g3", [g, TypeError()]).split(ValueError)
print(m.exceptions[0].__notes__, m.exceptions[0] is g)
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError as e:
        print("caught", repr(e), repr(sys.exception()))
    except* TypeError:
        print("type")
        raise
except ExceptionGroup as e:
    print("outer", repr(e))
try:
    try:
        raise ValueError("naked")
    except* ValueError as e:
        print("naked", repr(e), e.exceptions[0].__traceback__ is not None, e.__traceback__ is not None)
        raise RuntimeError("new")
except Exception as e:
    print(repr(e), repr(e.__context__))
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("k")
    except* TypeError:
        pass
except BaseException as e:
    print(repr(e), repr(e.exceptions[0].__context__))
try:
    try:
        raise KeyError(1)
    except* (ExceptionGroup,):
        pass
except TypeError as e:
    print(e)
try:
    try:
        raise KeyError(1)
    except* 5:
        pass
except TypeError as e:
    print(e)
def f():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        return "ret"
try:
    f()
except ExceptionGroup as e:
    print("f", repr(e))
print(issubclass(ExceptionGroup, Exception), isinstance(ExceptionGroup("x", [ValueError()]), Exception))
try:
    raise ExceptionGroup("x", [ValueError()])
except Exception as e:
    print("caught by Exception", repr(e))
