# Instances of a subclass of int: the value, inherited operators and methods, attributes.
import sys, gc


class Num(int):
    pass


class Bare(int):
    __slots__ = ()


n = Num(41)
print(n, repr(n), type(n).__name__, type(n) is Num, isinstance(n, int))
for v in (n + 1, 1 + n, n * 2, n - n, n // 4, n % 5, n ** 2, -n, +n, abs(Num(-3)), ~n, n << 1):
    print(v, type(v).__name__)
print(int(n), type(int(n)).__name__, float(n), str(n), type(str(n)).__name__)
print(n == 41, n < 42, hash(n) == hash(41), n.bit_length(), n.real, type(n.real).__name__)
print(f"{n:05d} {n:x} {n!r}", "%d %s" % (n, n), format(n, ","), round(n, -1))
print([10, 20, 30][Num(1)], list(range(Num(3))), max(Num(2), Num(7)), sum([Num(1), Num(2)]))
print(Num(), Num("ff", 16), Num("-12"), Num(3.9), Num(True), type(Num(True)).__name__)
n.unit = "cm"
print(n.unit, n.__dict__, vars(n), n + 1)
del n.unit
print(n.__dict__)
for v in (Num(5), Num(0), Num(2**40), Num(-2**100), Bare(5), Bare(2**70)):
    print(v, sys.getsizeof(v), gc.is_tracked(v))
print(Num.__basicsize__, Num.__itemsize__, Num.__dictoffset__, Num.__weakrefoffset__)
print(Bare.__basicsize__, Bare.__dictoffset__)
for attempt in ("Bare(1).x = 1", "Num(1).real = 2", "Num('x')", "Num(1, 2, 3)"):
    try:
        exec(attempt)
    except (AttributeError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(bool(Num(0)), bool(Num(3)), Num(3) in {3: "x"}, {Num(3): "a"}[3])
