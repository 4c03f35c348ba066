import sys

class WithDict:
    def __init__(self, x, y):
        self.x = x
        self.y = y

class WithSlots:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

a = WithDict(1, 2)
b = WithSlots(1, 2)
print(sys.getsizeof(a), sys.getsizeof(b))
print(hasattr(a, "__dict__"), hasattr(b, "__dict__"))
print(sys.getsizeof(a.__dict__))
try:
    b.z = 3
except AttributeError as e:
    print("AttributeError:", e)
print(WithSlots.__slots__, type(WithSlots.x).__name__)
class Child(WithSlots):
    pass
c = Child(1, 2)
c.z = 3
print(vars(c))
class Empty:
    __slots__ = ()
print(sys.getsizeof(Empty()))
