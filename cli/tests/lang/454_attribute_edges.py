# Attribute edge cases: __weakref__ of instances, unset and missing slots, __getattr__
# after a failing __getattribute__ or property, errors that are not AttributeError, deletion.
import weakref
class P: pass
p = P()
print(p.__weakref__)
r = weakref.ref(p)
print(p.__weakref__ is r)
class S:
    __slots__ = ('a',)
s = S()
print(hasattr(s, '__dict__'), hasattr(s, '__weakref__'))
try: s.b = 1
except AttributeError as e: print(e)
try: del s.a
except AttributeError as e: print(e)
class Q:
    def __getattr__(self, n): return n * 2
q = Q()
print(q.ab, getattr(q, 'x'), hasattr(q, 'zz'))
class R:
    def __getattribute__(self, n): raise AttributeError(n)
    def __getattr__(self, n): return "fallback " + n
print(R().foo)
class Bad:
    def __getattribute__(self, n): raise KeyError(n)
try: Bad().x
except KeyError as e: print("KeyError", e)
class Rec:
    def __getattr__(self, n): return self.missing_too
try: Rec().x
except RecursionError: print("recursion")
class T:
    @property
    def v(self): raise AttributeError("inner")
    def __getattr__(self, n): return "ga " + n
print(T().v)
