import sys
def t(f):
    try:
        r = f()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)
class A:
    def who(self): return "A"
class B:
    def who(self): return "B"
a = A(); a.v = 1
ra, rb = sys.getrefcount(A), sys.getrefcount(B)
a.__class__ = B
print(type(a).__name__, a.who(), a.v, a.__dict__, isinstance(a, B), isinstance(a, A))
print(sys.getrefcount(A) - ra, sys.getrefcount(B) - rb)
print('__class__' in a.__dict__)
def f(): a.__class__ = 5
t(f)
def f(): a.__class__ = int
t(f)
class S: __slots__ = ('x',)
class T: __slots__ = ('x',)
class U: __slots__ = ('y',)
class V: __slots__ = ('x', 'y')
s = S(); s.x = 4
def f(): s.__class__ = T; return type(s).__name__, s.x
t(f)
def f(): s.__class__ = U
t(f)
def f(): s.__class__ = V
t(f)
def f(): s.__class__ = A
t(f)
def f(): a.__class__ = S
t(f)
def f(): del a.__class__
t(f)
class L(list): pass
class L2(list): pass
l = L([1])
def f(): l.__class__ = L2; return type(l).__name__, l
t(f)
def f(): l.__class__ = list
t(f)
def f(): l.__class__ = A
t(f)
def f(): x = 1; x.__class__ = bool
t(f)
def f(): x = []; x.__class__ = L
t(f)
class Sub(A): pass
a2 = A()
a2.__class__ = Sub
print(type(a2).__name__, a2.who(), a2.__class__)
class WithProp:
    @property
    def __class__(self): return int
w = WithProp()
print(type(w).__name__, w.__class__)
class M(type): pass
class C1(metaclass=M): pass
class C2: pass
def f(): C2.__class__ = M; return type(C2)
t(f)
class E1(Exception): pass
class E2(Exception): pass
e = E1("x")
def f(): e.__class__ = E2; return type(e).__name__, e.args
t(f)
def f(): e.__class__ = ValueError
t(f)
def f(): e.__class__ = KeyError
t(f)
class D1: __slots__ = ('__dict__',)
class D2: pass
d = D2()
def f(): d.__class__ = D1; return type(d).__name__
t(f)
