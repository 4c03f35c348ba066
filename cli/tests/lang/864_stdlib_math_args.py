# math: argument conversion and errors of the new functions, and the whole module against CPython
import math
def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)
class F:
    def __float__(self):
        return 2.5
class I:
    def __index__(self):
        return 4
for name in ['gamma', 'lgamma', 'erf', 'erfc', 'acosh', 'asinh', 'atanh', 'cbrt']:
    f = getattr(math, name)
    t(f, 'x')
    t(f, F())
    t(f, I())
    t(f, 10**400)
    t(f)
    t(f, 1, 2)
    t(f, x=1)
t(math.remainder, 'a', 1)
t(math.remainder, 1)
t(math.nextafter, 'a', 1)
t(math.nextafter, 1, 2, steps=I())
t(math.nextafter, 1, 2, stop=1)
t(math.sumprod, [1, 2])
t(math.sumprod, [I()], [2])
t(math.sumprod, ['ab', 'c'], [2, 3])
t(math.sumprod, [[1], [2]], [2, 3])
t(math.sumprod, (x for x in range(5)), range(5))
t(math.sumprod, [10**30, 2], [10**30, 3])
t(math.sumprod, [F()], [1])
print(math.gamma(0.5) ** 2, math.pi, math.lgamma(0.5) * 2, math.log(math.pi))
print(math.erf(1) + math.erfc(1), math.cbrt(27), math.cbrt(-8), math.cbrt(2))
print(math.acosh(1), math.asinh(0), math.atanh(0.5), math.atanh(-0.0))
print(math.factorial(20) == math.gamma(21), math.gamma(171), math.lgamma(1e300))
print(math.remainder(-0.0, 1), math.remainder(0.0, -1), math.remainder(6, 4), math.remainder(2, 4))
print(math.gamma.__name__, math.sumprod.__name__, type(math.nextafter).__name__)
