# math: gamma, lgamma, erf, erfc, acosh, asinh, atanh, cbrt, remainder over special and ordinary values, and dir(math)
import math
def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)
print([n for n in dir(math) if not n.startswith('__')])
xs = [0.0, -0.0, 1e-300, 0.3, 0.5, 1.0, 1.5, 2.0, 2.5, 3.7, 10.1, 22.9, 23.0, 24.0, 100.5, 140.5, 170.6, 171.7, 200.0, 250.0,
      -0.5, -1.5, -2.7, -10.3, -100.25, -180.5, -250.5, 1e-25, -1e-25, 5e-324, float('inf'), float('-inf'), float('nan'), -3.0, 1e308]
for name in ['gamma', 'lgamma', 'erf', 'erfc', 'acosh', 'asinh', 'atanh', 'cbrt']:
    f = getattr(math, name)
    print(name)
    for x in xs:
        t(f, x)
for x in [i * 0.37 - 5 for i in range(40)]:
    print(math.gamma(x) if x != math.floor(x) else 0, math.lgamma(abs(x) + 0.01), math.erf(x), math.erfc(x), math.cbrt(x), math.asinh(x))
for a, b in [(10, 3), (10, 4), (-10, 3), (5.5, 2), (4.5, 1), (3.5, 1), (1e300, 3e-300), (1, 0), (float('inf'), 2), (2, float('inf')), (float('nan'), 1), (-0.0, 1), (7, -2), (-7.5, 2.5)]:
    t(math.remainder, a, b)
