import sys, gc
def t(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)
class M1(type): pass
class M2(type):
    def hello(cls): return "M2 hello " + cls.__name__
class C(metaclass=M1): pass
C.__class__ = M2
print(type(C).__name__, C.hello())
class N: pass
def f(): N.__class__ = M2
t(f)
def f(): int.__class__ = M2
t(f)
# refcounts and collection after the switch
class A:
    def __init__(self): self.x = 1; self.y = 2
class B:
    def total(self): return self.x + self.y
objs = [A() for _ in range(5)]
ra, rb = sys.getrefcount(A), sys.getrefcount(B)
for o in objs: o.__class__ = B
print(sys.getrefcount(A) - ra, sys.getrefcount(B) - rb)
print([o.total() for o in objs], objs[0].__dict__)
objs[0].z = 3
print(objs[0].__dict__, vars(objs[1]))
del objs
print(sys.getrefcount(B) - rb)
# the attribute is shadowed by a data descriptor of the class
class P:
    @property
    def __class__(self): return int
def f(): P().__class__ = A
t(f)
# object.__setattr__ reaches the setter too
a = A()
object.__setattr__(a, '__class__', B)
print(type(a).__name__, a.total())
setattr(a, '__class__', A)
print(type(a).__name__)
def f(): delattr(a, '__class__')
t(f)
# switching back and forth keeps methods resolved through the new class
class Sw1:
    def m(self): return 1
class Sw2:
    def m(self): return 2
s = Sw1()
out = []
for i in range(6):
    out.append(s.m())
    s.__class__ = Sw2 if i % 2 == 0 else Sw1
print(out)
# a cycle through an instance whose class changed is still collected
class Node: pass
class Node2: pass
n = Node(); n.me = n; n.__class__ = Node2
del n
print(gc.collect() >= 1)
