import sys
import traceback

def fail(kind):
    if kind == 1:
        return 1 / 0
    raise ValueError("bad value")

try:
    try:
        fail(1)
    except ZeroDivisionError as e:
        raise KeyError("k") from e
except KeyError as e:
    chained = e
print("".join(traceback.format_exception(chained)), end="")
print(traceback.format_exception(chained, chain=False))
try:
    try:
        fail(2)
    except ValueError:
        fail(1)
except ZeroDivisionError as e:
    implicit = e
traceback.print_exception(implicit, file=sys.stdout)
tbe = traceback.TracebackException.from_exception(implicit)
print(str(tbe), tbe.exc_type, type(tbe.stack).__name__, len(tbe.stack), tbe.__cause__)
print(type(tbe.__context__).__name__, str(tbe.__context__), tbe.__suppress_context__)
print(list(tbe.format_exception_only()), list(tbe.format(chain=False))[-1])
print(tbe == traceback.TracebackException.from_exception(implicit))
group = ExceptionGroup("many", [ValueError("a"), TypeError("b")])
print("".join(traceback.format_exception(group)), end="")
traceback.print_exception(group, file=sys.stdout)
try:
    try:
        raise OSError("first")
    except OSError:
        raise RuntimeError("second") from None
except RuntimeError as e:
    print(traceback.format_exception(e))
