# C.__name__ and C.__qualname__ assigned: the class's names change (reprs and messages follow),
# its namespace gets no entry; type_set_name's and type_set_qualname's errors.
def show(src):
    try: exec(src, globals()); print('ok')
    except Exception as e: print(type(e).__name__, e)
class A: pass
a = A()
A.__name__ = 'B'
print(A, A.__name__, A.__qualname__, '__name__' in A.__dict__, type(a).__name__)
A.__qualname__ = 'X.Y'
print(A, A.__name__, A.__qualname__, repr(a).split(' at')[0], '__qualname__' in A.__dict__)
show('a.missing')
for v in ('1', 'None', "b'x'", '["n"]'):
    show('A.__name__ = ' + v)
    show('A.__qualname__ = ' + v)
show("A.__name__ = 'a\\0b'")
show("A.__qualname__ = 'q\\0r'")
print(A.__qualname__ == 'q\0r', A.__name__)
show('del A.__name__')
show('del A.__qualname__')
show("int.__name__ = 'x'")
show("setattr(A, '__name__', 'Viaset')")
print(A.__name__, repr(A).replace('\0', '0'))
A.__qualname__ = 'A'
print(A, A.__qualname__)
class M(type): pass
class K(metaclass=M): pass
K.__name__ = 'Renamed'; K.__qualname__ = 'Outer.Renamed'
print(K, K.__name__, K.__qualname__, type(K).__name__)
def f():
    class L: pass
    return L
L = f()
print(L.__qualname__); L.__name__ = 'N'; print(L, L.__qualname__, L.__name__)
class D(A): pass
print(D.__mro__, D.__bases__)
