# The built-in exception classes are type objects with CPython's bases and MRO; except
# matches by subclass, in order, through tuples.
print(KeyError.__mro__)
print(FileNotFoundError.__mro__)
print(ExceptionGroup.__bases__, BaseExceptionGroup.__bases__)
print(type(ValueError), ValueError.__name__, ValueError.__module__, Exception.__bases__)
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, IndexError))
print(issubclass(KeyboardInterrupt, Exception), issubclass(StopIteration, Exception))
print(issubclass(ModuleNotFoundError, (OSError, ImportError)), IOError is OSError)
print(isinstance(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad"), ValueError))
print(repr(LookupError), str(Warning), DeprecationWarning.__bases__)


def classify(exc):
    try:
        raise exc
    except (ZeroDivisionError, OverflowError) as e:
        return "arith: " + type(e).__name__
    except LookupError as e:
        return "lookup: " + repr(e)
    except OSError as e:
        return f"os: {type(e).__name__} {e.errno}"
    except Exception as e:
        return "other: " + type(e).__name__


for exc in [ZeroDivisionError(), KeyError("k"), IndexError(3), OSError(2, "gone"),
            PermissionError(13, "no"), UnicodeError(), RecursionError()]:
    print(classify(exc))
try:
    raise SystemExit(2)
except Exception:
    print("not here")
except BaseException as b:
    print("base", repr(b), b.code)
