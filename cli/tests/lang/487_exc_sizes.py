# sys.getsizeof of exception instances: the built-in layouts, and user subclasses (which add
# a weak-reference list but keep the dict pointer inside the object), with and without
# attributes.
import sys


class Plain(Exception):
    pass


class WithInit(ValueError):
    def __init__(self, msg, code):
        ValueError.__init__(self, msg)
        self.code = code


class MyOS(OSError):
    pass


class MyStop(StopIteration):
    pass


class MySyntax(SyntaxError):
    pass


print(sys.getsizeof(Exception()), sys.getsizeof(ValueError(1, 2, 3)))
print(sys.getsizeof(OSError()), sys.getsizeof(StopIteration()), sys.getsizeof(SyntaxError()))
print(sys.getsizeof(Plain()), sys.getsizeof(Plain("x", "y")), sys.getsizeof(WithInit("m", 3)))
print(sys.getsizeof(MyOS()), sys.getsizeof(MyStop()), sys.getsizeof(MySyntax()))
p = Plain()
p.a = 1
print(sys.getsizeof(p), sys.getsizeof(WithInit("n", 1)) - sys.getsizeof(ValueError("n")))
