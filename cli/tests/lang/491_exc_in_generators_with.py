# User exception classes through generators (a StopIteration subclass becomes RuntimeError
# with it as the cause), context managers that swallow or translate them, sys.exc_info().
import sys

class Done(StopIteration):
    pass

class Translated(Exception):
    pass

def gen():
    yield 1
    raise Done("early")

try:
    list(gen())
except RuntimeError as r:
    print(r, "|", repr(r.__cause__), r.__cause__ is r.__context__)

class Guard:
    def __enter__(self):
        return self

    def __exit__(self, kind, value, tb):
        print("exit", kind.__name__ if kind else None, repr(value), tb is not None)
        if isinstance(value, KeyError):
            raise Translated("from guard") from value
        return kind is not None and issubclass(kind, ArithmeticError)


with Guard():
    1 / 0
try:
    with Guard():
        {}["x"]
except Translated as t:
    print(repr(t), repr(t.__cause__), repr(t.__context__))
    print(sys.exc_info()[0].__name__, sys.exc_info()[1] is t)
print(sys.exc_info())
