# Multiple inheritance of plain classes: the C3 MRO, lookups and super() along it, subtype
# tests through the other bases, changes to any base seen by the subclasses, layout rules.
class A:
    x = "A"
    def who(self): return "A"
class B(A):
    pass
class C(A):
    x = "C"
    def who(self): return "C" + super().who()
class D(B, C):
    pass
class E(D):
    def who(self): return "E" + super().who()
d, e = D(), E()
print(d.x, d.who(), e.who(), E.__mro__, E.__bases__, D.__bases__)
print(isinstance(e, C), issubclass(E, C), issubclass(D, C), issubclass(C, D), isinstance(d, B))
C.x = "C2"
print(d.x, e.x, [c.__name__ for c in E.mro()], C.__subclasses__(), A.__subclasses__())
C.who = lambda self: "new"
print(d.who(), e.who())
for i in range(3):
    print(d.x, e.x)
    C.x = i
class S1:
    __slots__ = ('a',)
class S2:
    __slots__ = ('b',)
class M(S1, A):
    pass
m = M(); m.a = 1; m.z = 2
print(m.a, m.z, M.__base__, M.__mro__)
for src in ("class S3(S1, S2): pass", "class X(A, A): pass", "class Y(A, B): pass"):
    try:
        exec(src)
    except TypeError as ex:
        print("TypeError:", ex)
import gc
del D, E, d, e
print(gc.collect(), A.__subclasses__(), C.__subclasses__())
