# Multiple inheritance with built-in and exception bases: the best base by layout (solid base),
# CPython's lay-out conflict, C3 MROs of exception classes, mixins over list/int/ValueError.
import sys
class Mixin:
    def hello(s): return "hello " + type(s).__name__
class Slotted:
    __slots__ = ('a',)
class Empty:
    __slots__ = ()
cases = [("Mixin", "int"), ("int", "Mixin"), ("Mixin", "list"), ("Mixin", "Exception"), ("ValueError", "KeyError"),
         ("ValueError", "OSError"), ("OSError", "ValueError"), ("int", "str"), ("list", "dict"), ("Slotted", "int"),
         ("Slotted", "list"), ("Empty", "tuple"), ("bool", "int"), ("int", "float"), ("Exception", "int"),
         ("Mixin", "dict"), ("Mixin", "str"), ("Mixin", "frozenset"), ("Slotted", "Exception"), ("Empty", "Exception"),
         ("KeyError", "IndexError"), ("StopIteration", "ValueError"), ("Mixin", "Empty", "float"), ("list", "object")]
for c in cases:
    try:
        C = type("C", tuple(eval(n) for n in c), {})
        print(c, [k.__name__ for k in C.__mro__], C.__basicsize__)
    except TypeError as e:
        print(c, type(e).__name__, e)
class M(Mixin, list): pass
m = M([1, 2]); m.x = 1
print(m, m.hello(), m.x, len(m), sys.getsizeof(m), isinstance(m, Mixin))
class E(Mixin, ValueError): pass
try:
    raise E("bad", 2)
except ValueError as e:
    print(repr(e), e.hello(), e.args, E.__doc__, sys.getsizeof(e))
class N(Mixin, int): pass
print(N(5) + 1, N(5).hello(), repr(N(7)), sys.getsizeof(N(5)))
class F(ValueError, KeyError): pass
print(repr(F("k")), F.__mro__[1].__name__, F.__bases__, issubclass(F, KeyError))
try:
    raise F("k")
except KeyError as e:
    print("caught as KeyError", type(e).__name__, isinstance(e, LookupError))
