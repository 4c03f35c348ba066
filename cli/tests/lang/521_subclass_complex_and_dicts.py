# Subclasses of complex, and the instance dicts of built-in subclass instances.
import sys, gc


class Z(complex):
    pass


class ZS(complex):
    __slots__ = ()


class D(dict):
    pass


z = Z(1, 2)
print(z, repr(z), type(z).__name__, z + 1, type(z + 1).__name__, z.real, z.imag, abs(Z(3, 4)), -z)
print(z == complex(1, 2), hash(z) == hash(1 + 2j), Z(), Z(2.5), isinstance(z, complex))
print(sys.getsizeof(z), sys.getsizeof(ZS(1)), gc.is_tracked(z), Z.__basicsize__, Z.__dictoffset__, Z.__weakrefoffset__)
z.tag = 1
print(vars(z), sys.getsizeof(z.__dict__))
x = D()
x.q = 1
x.r = 2
print(vars(x), sys.getsizeof(x.__dict__), x, len(x))


def f(**kw):
    return kw


print(f(**D(a=1)), "%(a)s" % D(a=5), dict(D(b=2)), {**D(c=3)}, D(a=1) == {"a": 1})
x.__dict__ = {"new": 1}
print(x.new, vars(x))
