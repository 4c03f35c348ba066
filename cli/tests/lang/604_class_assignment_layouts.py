# compatible_for_assignment: which layouts CPython 3.12 lets an instance switch between.
def t(a, b):
    try:
        o = a(); o.__class__ = b; print("ok", a.__name__, b.__name__)
    except TypeError as e: print(e)
class W1: __slots__ = ('__weakref__',)
class W0: __slots__ = ()
class D1: __slots__ = ('__dict__',)
class DW: __slots__ = ('__dict__', '__weakref__')
class P: pass
class Q(P): pass
class R(W0): pass
t(W1, W0); t(W0, W1); t(D1, DW); t(DW, P); t(P, DW); t(Q, P); t(P, Q); t(R, W0); t(W0, R); t(R, P)
class S2(P): __slots__ = ('a',)
class S3(Q): __slots__ = ('a',)
t(S2, S3)
class S4(P): __slots__ = ('b', 'a')
class S5(P): __slots__ = ('a', 'b')
t(S4, S5)
class I1(int): pass
class I2(int): pass
t(I1, I2)
class T1(tuple): pass
t(T1, I1)
class E1(Exception): pass
class E2(ValueError): pass
t(E1, E2)
class F1(float): pass
class F2(float): __slots__ = ()
t(F1, F2); t(F2, F1)
class X1(dict): pass
class X2(dict): pass
t(X1, X2); t(X1, L := type("L", (list,), {}))
class Fin:
    def __del__(self): print("Fin.__del__", type(self).__name__)
a = Fin(); a.__class__ = P; del a
b = P(); b.__class__ = Fin; del b
import weakref
w = W1(); r = weakref.ref(w); w.__class__ = type("W2", (), {"__slots__": ('__weakref__',)})
print(r() is w, type(w).__name__); del w; print(r())
