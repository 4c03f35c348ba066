# obj.__class__ = C: the instance dict is kept, and CPython's errors.
def t(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__, e)
class A:
    def who(self): return "A"
class B:
    def who(self): return "B"
a = A(); a.v = 1
a.__class__ = B
print(type(a).__name__, a.who(), a.v, a.__dict__, isinstance(a, B), isinstance(a, A))
def set_to(o, c): o.__class__ = c; return type(o).__name__
t(lambda: set_to(a, 5)); t(lambda: set_to(a, int))
t(lambda: delattr(a, '__class__'))
class S: __slots__ = ('x',)
class T: __slots__ = ('x',)
class U: __slots__ = ('y',)
class V: __slots__ = ('x', 'y')
s = S(); s.x = 4
t(lambda: (set_to(s, T), s.x))
for c in [U, V, A]: t(lambda: set_to(s, c))
t(lambda: set_to(a, S))
class L(list): pass
class L2(list): pass
l = L([1])
t(lambda: (set_to(l, L2), l))
for c in [list, A]: t(lambda: set_to(l, c))
t(lambda: set_to(1, bool)); t(lambda: set_to([], L))
class Sub(A): pass
a2 = A(); a2.__class__ = Sub
print(type(a2).__name__, a2.who(), a2.__class__)
class E1(Exception): pass
class E2(Exception): pass
e = E1("x")
t(lambda: (set_to(e, E2), e.args))
for c in [ValueError, KeyError]: t(lambda: set_to(e, c))
class D1: __slots__ = ('__dict__',)
t(lambda: set_to(B(), D1))
