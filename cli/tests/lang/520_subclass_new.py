# __new__ on classes: the built-in types' __new__ (tp_new_wrapper) makes subclass instances.
class Pair(tuple):
    def __new__(cls, a, b):
        return tuple.__new__(cls, (a, b))


class Upper(str):
    def __new__(cls, text):
        return str.__new__(cls, text.upper())

class Positive(int):
    def __new__(cls, v):
        if v < 0:
            raise ValueError("negative")
        return int.__new__(cls, v)
    def __init__(self, v):
        self.orig = v


class Single:
    _inst = None

    def __new__(cls):
        if cls._inst is None:
            cls._inst = object.__new__(cls)
        return cls._inst


class Table(dict):
    def __new__(cls, *args, **kwargs):
        return dict.__new__(cls)

p, u, x = Pair(1, 2), Upper("abc"), Positive(5)
print(p, type(p).__name__, p[1], u, type(u).__name__, x, x.orig, Single() is Single(), Table([(1, 2)], z=3))
for call in (lambda: Positive(-1), lambda: int.__new__(5), lambda: int.__new__(str), lambda: int.__new__(), lambda: object.__new__(Positive), lambda: object.__new__(Single, 1)):
    try:
        print(call())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(type(int.__new__(Positive, 3)).__name__, tuple.__new__(Pair, [4, 5]), int.__new__(int, "7"), frozenset.__new__(frozenset) == frozenset())
