# Python subclasses of exception classes: sizes, __init__ with super().__init__, the class's
# reference count, weak references, GC tracking.
import sys, gc, weakref
class E(Exception):
    pass
class F(E):
    def __init__(self, a, b=2):
        super().__init__(a)
        self.b = b
class G(OSError):
    pass
print(sys.getsizeof(E()), sys.getsizeof(F(1)), sys.getsizeof(G(2, "x")))
f = F("x", b=5)
print(repr(f), str(f), f.args, f.b, f.__dict__, isinstance(f, Exception))
print(repr(G(2, "nf")), type(G(2, "nf")).__name__, G(2, "nf").errno)
r = weakref.ref(f)
print(r() is f)
n = sys.getrefcount(F)
objs = [F(i) for i in range(5)]
print(sys.getrefcount(F) - n)
del objs
print(sys.getrefcount(F) - n)
del f
print(r())
try:
    raise F("boom")
except E as e:
    print("caught", repr(e), e.b, e.__traceback__.tb_lineno)
class H(E):
    def __init__(self):
        pass
h = H()
print(repr(h), h.args)
print(gc.is_tracked(E()))
try:
    E(x=1)
except TypeError as t:
    print(t)
