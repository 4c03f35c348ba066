# Defaults, readonly records (hashable), rename.
import sys
from recordclass import recordclass

G = recordclass("G", "a b c", defaults=(5, None))
print(G(1), G(1, 2, 3), G.__defaults__, G.__default_vals__)
print(repr(G.__doc__))
H = recordclass("H", "a, b", defaults=[0, 1])
print(H(), H(b=7))
R = recordclass("R", "a b", readonly=True)
r = R(1, 2)
print(r, R.__options__, hash(r) == hash(R(1, 2)), hash(r) == hash((1, 2)), hash(R(1, 2)))
print(hash(R("a", 2.5)), hash(R(None, -1)), hash(R(1, (2, 3))))
try:
    r.a = 5
except AttributeError as e:
    print(e)
try:
    r[0] = 5
except TypeError as e:
    print(e)
print(r._replace(a=9), r)
try:
    r._replace(z=1)
except (AttributeError, ValueError) as e:
    print(type(e).__name__, e)
print(R(1, 2) in {R(1, 2)}, len({R(1, 2), R(1, 2), R(2, 1)}))
N = recordclass("N", "x y", rename=True)
print(N(1, 2), sys.getsizeof(N(1, 2)))
M = recordclass("M", "x y", module="geometry")
print(M.__module__, M)
