# __slots__ names on list and str subclasses: cells after the list's struct and after the str's
# characters of every kind; sizes, inheritance with a __dict__ below, cycles collected.
import sys, gc
class L(list):
    __slots__ = ('a',)
l = L([1, 2])
l.a = l
print(l, l.a is l, sys.getsizeof(l), L.__basicsize__)
try:
    l.b = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    print(l.__dict__)
except AttributeError as e:
    print(type(e).__name__, e)
class M(L):
    pass
m = M()
m.a = 1; m.b = 2
m.extend(range(5))
print(m, m.a, m.__dict__, sys.getsizeof(m), M.__basicsize__)
del l, m
print(gc.collect())
class S(str):
    __slots__ = ('a', 'b')
for v in ['', 'abc', 'caf\xe9', '\u20ac' * 3, '\U0001f600', 'x' * 100]:
    s = S(v)
    s.a = [v]
    s.b = s
    print(repr(s)[:12], s.a == [v], s.b is s, sys.getsizeof(s), s == v, hash(s) == hash(v),
          (s + '!')[-3:], s.upper()[:5], len(s))
del s
print(gc.collect())
class T(S):
    pass
t = T('hi')
t.a, t.c = 1, 2
print(t, t.a, t.__dict__, sys.getsizeof(t), T.__basicsize__)
