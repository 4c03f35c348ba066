# functools.partial, the built-in type: its size, members, flattening, instance dict and repr.
import sys, gc, copy, functools, weakref
from functools import partial

def f(a, b=2, *, c=3):
    return (a, b, c)
p = partial(f, 1, c=5)
print(p(), p(9), p(c=0), p.func is f, p.args, p.keywords, sys.getsizeof(p), sys.getsizeof(partial(len)))
print(type(p), type(p).__name__, type(p).__module__, gc.is_tracked(p), callable(p), isinstance(p, partial))
print(repr(partial(max, 1, 2, key=abs))[:40], repr(partial(f, "x", b=[1])).split(">, ")[1])
pp = partial(p, 7, c=8); print(pp(), pp.args, pp.keywords, pp.func is f)
p.x = 5; p.__doc__ = "doc"; print(p.x, sorted(p.__dict__), p.__doc__)
q = partial(p, 0); print(q.func is p, q.args)
del p.x
for bad in [lambda: setattr(p, "func", 1), lambda: setattr(p, "args", ()), lambda: p.x,
            lambda: delattr(p, "x"), lambda: setattr(p, "__dict__", 1), lambda: partial(),
            lambda: partial(1), lambda: partial(f)(), lambda: partial(f, 1, 2, 3)()]:
    try:
        bad()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
l = []; r = partial(print, l); l.append(r); print(repr(r).count("..."))
int2 = partial(int, base=2); print(int2("101"), int2("11", base=3), list(map(partial(pow, 2), range(5))))
class C:
    m = partial(f, 0)
print(C().m(), C.m())
w = functools.update_wrapper(partial(f, 3), f); print(w.__name__, w.__wrapped__ is f, w())
c = copy.copy(partial(f, [1], c=2)); d = copy.deepcopy(partial(f, [1]))
print(c(), type(c).__name__, d(), c.args[0] is copy.copy(c).args[0])
wr = weakref.ref(c, lambda ref: print("collected", ref() is None))
print(wr() is c, wr()())
del c
