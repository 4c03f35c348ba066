# args, str() and repr() of exceptions with 0, 1 and n arguments, for built-in classes with
# their own rules (KeyError, OSError, UnicodeError) and for user subclasses of them.
class Mine(Exception):
    pass


class MyKey(KeyError):
    pass


class MyOS(OSError):
    pass


for cls in (Exception, ValueError, KeyError, Mine, MyKey):
    for args in ((), ("a",), (1, "b", None), ("",), ((1, 2),)):
        e = cls(*args)
        print(cls.__name__, e.args, repr(str(e)), repr(e))
print(repr(MyOS(2, "missing")), str(MyOS(2, "missing", "f.txt")), MyOS(2, "x").errno)
print(type(MyOS(2, "x")).__name__, type(OSError(2, "x")).__name__)
e = Mine("x")
e.args = [1, 2]
print(e.args, str(e), repr(e))
e.args = "hi"
print(e.args, str(e))
try:
    Mine(code=3)
except TypeError as t:
    print(t)
