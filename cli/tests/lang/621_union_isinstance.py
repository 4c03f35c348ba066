# isinstance and issubclass test against a union's arguments, as against a tuple of them.
def attempt(f, *args):
    try:
        return f(*args)
    except TypeError as e:
        return f"TypeError: {e}"
print(isinstance(3, int | str), isinstance("a", int | str), isinstance(3.0, int | str))
print(isinstance(None, int | None), isinstance(3, None | int), isinstance([], int | None))
print(isinstance(True, str | int), isinstance(b"", (str, int | bytes)))
print(issubclass(bool, int | str), issubclass(str, int | float), issubclass(type(None), int | None))
print(issubclass(bool, (float, str | int)), issubclass(int, bool | str))
class A: pass
class B(A): pass
class C: pass
print(isinstance(B(), C | A), isinstance(C(), A | B), issubclass(B, C | A), issubclass(A, B | C))
class Meta(type):
    def __instancecheck__(cls, o):
        print("instancecheck", cls.__name__, o)
        return True
    def __subclasscheck__(cls, o):
        print("subclasscheck", cls.__name__, o.__name__)
        return o is int
class M(metaclass=Meta): pass
print(isinstance(3, str | M), isinstance("x", str | M), issubclass(int, bytes | M), issubclass(str, M | bytes))
# a union stops at the first match
print(isinstance(3, int | list[int]), issubclass(int, int | list[int]))
for bad in (list[int] | None, None | dict[str, int], list[int]):
    print(attempt(isinstance, [], bad))
    print(attempt(issubclass, list, bad))
print(attempt(issubclass, 3, int | str), attempt(issubclass, 3, list[int]))
print(attempt(isinstance, 3, (int | str, 5)), attempt(isinstance, 3, (str | bytes, 5)))
print(attempt(isinstance, 3, (str | bytes, list[int])), attempt(issubclass, int, 3))
def check(x: int | str | None) -> str:
    if isinstance(x, int | str):
        return type(x).__name__
    return "none"
print([check(v) for v in (1, "a", None)])
