# __new__ set, replaced and deleted after instances were made: every call sees the class now.
class A:
    def __init__(self, x=-1): self.x = x
def new(cls, *args):
    print("new", cls.__name__, args)
    return object.__new__(cls)
made = [A(i).x for i in range(3)]
A.__new__ = new
made += [A(i).x for i in range(3, 5)]
del A.__new__
made += [A().x for i in range(5, 7)]
print(made)
class Base: pass
class Sub(Base):
    def __init__(self, *a): self.a = a
print([Sub(i).a for i in range(2)])
Base.__new__ = staticmethod(lambda cls, *a: print("base new", cls.__name__, a) or object.__new__(cls))
print([Sub(i).a for i in range(2)])
Base.__new__ = lambda cls, *a: 42
print([Sub(i) for i in range(2)])
del Base.__new__
print([Sub().a for i in range(2)], type(Sub()).__name__)
class Slotted:
    __slots__ = ('v',)
    def __init__(self, v): self.v = v
print(sum(Slotted(i).v for i in range(10)))
Slotted.__new__ = lambda cls, v: print("slotted new", v) or object.__new__(cls)
print(sum(Slotted(i).v for i in range(2)))
try:
    A.__new__ = lambda cls, *a: 1 / 0
    A(1)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
class Once:
    def __new__(cls):
        cls.__new__ = lambda c: "second"
        return object.__new__(cls)
print(type(Once()).__name__, Once(), Once())
