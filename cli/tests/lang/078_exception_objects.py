import sys

try:
    raise ValueError("bad", 42)
except ValueError as e:
    print(e.args, str(e), repr(e))
    print(type(e).__mro__)
    err = e
print(err.__traceback__ is not None, err.__context__, err.__cause__)
try:
    raise KeyError("key")
except KeyError as e:
    print(str(e), repr(e))
e = OSError(2, "No such file")
print(e.errno, e.strerror, e)
print(issubclass(FileNotFoundError, OSError), isinstance(ZeroDivisionError(), ArithmeticError))
print(sys.getsizeof(Exception()) > 0, Exception().args, Exception("x").args)
try:
    raise TypeError
except TypeError as e:
    print(repr(e), e.args)
exc = None
try:
    1 / 0
except ZeroDivisionError as exc:
    pass
print("exc" in dir())
