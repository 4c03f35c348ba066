# isinstance(o, C) falls back to o.__class__ (object_isinstance): a property or a
# __getattribute__ may give another class; an AttributeError means no, other errors propagate.
def show(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
class C: pass
class Sub(C): pass
class D:
    @property
    def __class__(self): return Sub
d = D()
print(isinstance(d, C), isinstance(d, D), isinstance(d, (int, C)), type(d).__name__, d.__class__)
print(issubclass(D, C), isinstance(d, Sub), isinstance(d, (str, (bytes, C))))
class E:
    @property
    def __class__(self): raise ValueError('boom')
show(lambda: isinstance(E(), C))
print(isinstance(E(), E), isinstance(E(), object))
class F:
    @property
    def __class__(self): raise AttributeError('nope')
print(isinstance(F(), C), isinstance(F(), F))
class G:
    def __getattribute__(self, n):
        if n == '__class__': raise KeyError(n)
        return object.__getattribute__(self, n)
show(lambda: isinstance(G(), C))
class H: __class__ = 5
print(isinstance(H(), C), isinstance(H(), H), isinstance(H(), int))
class I:
    @property
    def __class__(self): return int
print(isinstance(I(), int), isinstance(I(), (str, int)), isinstance(I(), bool))
class J:
    def __getattribute__(self, n): return C if n == '__class__' else 1
print(isinstance(J(), C), isinstance(J(), J))
class K(F):
    def __getattr__(self, n): return C if n == '__class__' else 0
print(isinstance(K(), C), isinstance(K(), F), isinstance(K(), K))
