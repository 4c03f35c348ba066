# A class attribute shadowing a __slots__ descriptor hides the slot: the instance dict takes
# the value, and without a dict the name is read-only.
def show(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
class C: __slots__ = ('x',)
class D(C): x = 5
d = D()
print(d.x)
C.x.__set__(d, 7)
print(d.x, C.x.__get__(d), d.__dict__)
d.x = 1
print(d.x, C.x.__get__(d), d.__dict__)
del d.x
print(d.x, C.x.__get__(d), d.__dict__)
show(lambda: exec('del d.x', globals()))
class E(C):
    __slots__ = ()
    x = 5
    def f(self): pass
e = E()
for src in ('e.x = 1', 'del e.x', 'e.f = 1', 'del e.f', 'e.zz = 1', 'del e.zz', 'e.__doc__ = 1'):
    show(lambda: exec(src, globals()))
print(e.x)
C.x.__set__(e, 8)
print(e.x, C.x.__get__(e))
def store(o, v):
    for _ in range(3):
        o.x = v
    return o.x
show(lambda: store(e, 2))
print(store(d, 6), d.__dict__, C.x.__get__(d))
