# __class__ assignment: references, metaclasses, descriptors, the collector.
import sys, gc
def t(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__, e)
class M1(type): pass
class M2(type):
    def hello(cls): return "M2 hello " + cls.__name__
class C(metaclass=M1): pass
C.__class__ = M2
print(type(C).__name__, C.hello())
class N: pass
t(lambda: setattr(N, '__class__', M2)); t(lambda: setattr(int, '__class__', M2))
class A:
    def __init__(self): self.x = 1; self.y = 2
class B:
    def total(self): return self.x + self.y
objs = [A() for _ in range(5)]
ra, rb = sys.getrefcount(A), sys.getrefcount(B)
for o in objs: o.__class__ = B
print(sys.getrefcount(A) - ra, sys.getrefcount(B) - rb)
print([o.total() for o in objs], objs[0].__dict__)
objs[0].z = 3; print(objs[0].__dict__, vars(objs[1]))
del objs, o
print(sys.getrefcount(B) - rb)
class P:
    @property
    def __class__(self): return int
t(lambda: setattr(P(), '__class__', A))
a = A()
object.__setattr__(a, '__class__', B); print(type(a).__name__, a.total())
setattr(a, '__class__', A); print(type(a).__name__)
s, out = A(), []
for i in range(6):
    out.append(type(s).__name__); s.__class__ = B if i % 2 == 0 else A
n = A(); n.me = n; n.__class__ = B
del n
print(out, gc.collect() >= 1)
