# __slots__ names on subclasses of float, complex, dict, set and frozenset: member slots
# after the base's struct (basicsize + 8 each), traversed and cleared by the collector.
import sys, gc, weakref
class F(float): __slots__ = ('a', 'b')
class D(dict): __slots__ = ('a',)
class S(set): __slots__ = ('a',)
class FS(frozenset): __slots__ = ('a',)
class Z(complex): __slots__ = ('a',)
class F2(F): __slots__ = ('c',)
class F3(F): pass
for c, v in ((F, 1.5), (D, {}), (S, ()), (FS, ()), (Z, 1j), (F2, 2.5), (F3, 3.5)):
    x = c(v)
    print(c.__name__, c.__basicsize__, c.__dictoffset__, c.__weakrefoffset__, sys.getsizeof(x), gc.is_tracked(x))
f = F2(1.0); f.a = 1; f.c = [f]; print(f.a, f.c[0] is f, f + 1)
for attempt in ("f.b", "del f.b", "f.zz = 1", "F3(1.0).a"):
    try:
        exec(attempt)
    except AttributeError as e:
        print(e)
g = F3(2.0); g.a = 5; g.zz = 6; print(g.a, g.zz, vars(g))
d = D(k=1); d.a = d; del d; print(gc.collect())
s = S([1, 2]); s.a = [s]; r = weakref.ref(s); del s; print(gc.collect(), r())
del f; print(gc.collect())
d2 = D(x=[1]); d2.a = "v"; print(d2, d2.a, len(d2), sys.getsizeof(D(dict.fromkeys(range(9)))))
