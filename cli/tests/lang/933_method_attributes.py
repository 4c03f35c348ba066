# A bound method answers what the method type lacks from its function (method_getattro),
# and a function is a descriptor with __get__.
import functools

class C:
    def m(self, x=1):
        "doc of m"
        return x

    @functools.wraps(m)
    def wrapped(self):
        return 2

c = C()
for name in ("__name__", "__qualname__", "__doc__", "__module__", "__defaults__"):
    print(name, repr(getattr(c.m, name)))
print(c.wrapped.__wrapped__ is C.m, c.wrapped.__name__)
print(c.m.__func__ is C.m, c.m.__self__ is c, c.m.__code__.co_name)
try:
    c.m.nope
except AttributeError as e:
    print("AttributeError:", e)
try:
    c.m.nope = 1
except AttributeError as e:
    print("AttributeError:", e)

def f(self=None):
    return "got " + type(self).__name__

print(f.__get__(None, C) is f, f.__get__(c)(), f.__get__(c, C)(), C.m.__get__(c)(5))
try:
    f.__get__(None, None)
except TypeError as e:
    print("TypeError:", e)
print(hasattr(f, "__get__"), hasattr(c.m, "__get__"), c.m.__get__(1) is not None)
