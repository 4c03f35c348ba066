# dataobject subclasses: annotations, defaults, __fields__, asdict, astuple, inheritance.
import gc
import sys
from recordclass import dataobject, asdict, astuple


class C(dataobject):
    a: int
    b: str = "s"


c = C(1)
print(c, sys.getsizeof(c), C.__basicsize__, gc.is_tracked(c))
print(C.__fields__, C.__defaults__, C.__default_vals__, C.__annotations__)
print(C.__options__)
print(repr(C.__doc__), C.__match_args__)
print(type(C), type(dataobject), dataobject.__basicsize__, dataobject.__mro__, C.__mro__)
print(asdict(c), astuple(c), len(c))
print(C(), C(b=1, a=2), C(2, "t"))
c.a = [1, 2]
print(c, c.a, gc.is_tracked(c))
print(C(1) == C(1), C(1) != C(2), C(1) < C(2), C(1) == 1)
print(hash(c) == hash(C([1, 2])))


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


t(lambda: list(c))
t(lambda: c[0])
t(lambda: C(1, 2, 3))
t(lambda: C(1, c=3))
t(lambda: asdict(1))
t(lambda: c.z)


class E(C):
    c: int = 0


e = E(1)
print(e, E.__fields__, sys.getsizeof(e), E.__defaults__, E.__default_vals__)


class F(E):
    d: float = 1.5


print(F(7), F.__fields__, sys.getsizeof(F(7)))


class Plain(dataobject):
    pass


print(Plain(), Plain.__fields__, sys.getsizeof(Plain()), len(Plain()))


class WithMethods(dataobject):
    x: int
    y: int

    def norm2(self):
        return self.x * self.x + self.y * self.y

    @property
    def swapped(self):
        return WithMethods(self.y, self.x)


w = WithMethods(3, 4)
print(w.norm2(), w.swapped, sys.getsizeof(w))


try:
    class Bad(dataobject):
        x: int = 1
        y: int
except TypeError as e:
    print(e)
