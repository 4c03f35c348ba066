# CPython's errors: metaclass conflict, type.__new__'s checks, keywords nobody takes.
class M1(type):
    pass
class M2(type):
    pass
class X(metaclass=M1):
    pass
class Y(metaclass=M2):
    pass
try:
    class Z(X, Y):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class W(metaclass=M1, extra=1):
        pass
except TypeError as e:
    print("TypeError:", e)
for args in [(), (1,), ("a", 1, {}), ("a", (), 1)]:
    try:
        M1(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    type.__new__(int, "a", (), {})
except TypeError as e:
    print("TypeError:", e)
class Sub(M1):
    pass
class V(X, metaclass=Sub):
    pass
print(type(V).__name__, V.__mro__)
print(type(type("T", (X,), {})).__name__)
try:
    class Q(V, Y):
        pass
except TypeError as e:
    print("TypeError:", e)
