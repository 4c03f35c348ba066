# super() past object: its slots as method-wrappers and object.__init__'s argument rules.
class A:
    def __init__(self, v=1): super().__init__(); self.v = v
    def __repr__(self): return "A" + super().__repr__()[:4]
    def __str__(self): return "s:" + super().__str__()[:5]
    def __eq__(self, o): return super().__eq__(o)
    def __ne__(self, o): return super().__ne__(o)
    def __hash__(self): return super().__hash__() * 0 + 7
    def __setattr__(self, k, v): super().__setattr__(k, v * 2)
    def __getattribute__(self, k): return super().__getattribute__(k)
    def __lt__(self, o): return super().__lt__(o)
a = A(3)
print(repr(a), str(a), a == a, a == 1, a != a, a != 1, hash(a), a.v, a.__lt__(a))
print(type(super(A, a).__repr__).__name__, super(A, a).__init__.__name__)
class B:
    def __init__(self, x): super().__init__(x)
try:
    B(1)
except TypeError as e:
    print(type(e).__name__, e)
class C:
    def __init__(self, **kw): super().__init__(**kw)
try:
    C(k=1)
except TypeError as e:
    print(type(e).__name__, e)
C()
class D(A):
    def __init__(self): super().__init__(5)
    def __repr__(self): return "D" + super().__repr__()
print(D(), D().v)
class E:
    def __new__(cls, *a): return super().__new__(cls)
    def __init__(self, *a): super().__init__()
print(type(E(1, 2)).__name__)
class F(list):
    def __init__(self, *a): super().__init__(*a)
    def __repr__(self): return "F" + super().__repr__()
print(F([1, 2]), F())
