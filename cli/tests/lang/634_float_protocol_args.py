# math functions, float() and %-formatting take any object with __float__ (or __index__), as
# PyFloat_AsDouble does, with CPython's errors for bad results.
import math
class F:
    def __float__(self): return 2.25
class I:
    def __index__(self): return 4
class Both:
    def __float__(self): return 1.5
    def __index__(self): return 9
class BadF:
    def __float__(self): return 'x'
class BigI:
    def __index__(self): return 10**400
ones = (math.sqrt, math.exp, math.log, math.sin, math.isnan, math.fabs, math.floor, math.ceil,
        math.isinf, math.isfinite, math.log2, math.log10, math.cos, math.tan, math.atan,
        math.degrees, math.radians, math.expm1, math.log1p, math.cosh, math.acos, math.trunc)
for f in ones:
    out = []
    for a in (F(), I(), Both(), BadF(), BigI(), 's'):
        try: out.append(f(a))
        except Exception as e: out.append(f'{type(e).__name__}: {e}')
    print(f.__name__, out)
for f in (math.pow, math.atan2, math.hypot, math.copysign, math.fmod, math.isclose, math.log):
    try: print(f.__name__, f(F(), I()), f(I(), Both()))
    except Exception as e: print(f.__name__, type(e).__name__, e)
print(math.fsum([F(), I(), 1]), math.dist([F(), 1], [I(), Both()]), math.modf(F()), math.frexp(I()))
print(math.isclose(F(), 2.25, rel_tol=Both(), abs_tol=I()), math.ldexp(F(), 3))
class MyInt(int): pass
for a in (F(), I(), Both(), BadF(), BigI(), object(), '1.5', 10**400, -2**1100, MyInt(3), True):
    try: r = float(a); print(r, type(r))
    except Exception as e: print(type(e).__name__, e)
    try: print('%f %e %g %.1f %F %E %G' % ((a,) * 7))
    except Exception as e: print(type(e).__name__, e)
