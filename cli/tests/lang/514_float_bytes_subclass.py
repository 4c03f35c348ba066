# Instances of subclasses of float and bytes.
import sys, gc, weakref


class Celsius(float):
    pass


class Blob(bytes):
    pass


c = Celsius(21.5)
print(c, repr(c), type(c).__name__, isinstance(c, float), c == 21.5, hash(c) == hash(21.5))
for v in (c + 1, 1 + c, c * 2, c / 2, c // 2, c % 5, -c, +c, abs(Celsius(-1.5)), c ** 2, round(c), float(c), int(c)):
    print(v, type(v).__name__)
print(c.is_integer(), c.as_integer_ratio(), c.hex(), c.real, type(c.real).__name__, f"{c:.3f}", "%.1f" % c)
print(Celsius(), Celsius("2.5"), Celsius(7), Celsius(" -inf "), c.conjugate(), divmod(c, 4))
c.unit = "C"
print(c.unit, vars(c), weakref.ref(c)() == c, sys.getsizeof(c), gc.is_tracked(c))
print(Celsius.__basicsize__, Celsius.__dictoffset__, Celsius.__weakrefoffset__)
b = Blob(b"data")
print(b, type(b).__name__, isinstance(b, bytes), b == b"data", hash(b) == hash(b"data"), len(b))
for v in (b[0], b[1:], b[:], b + b"!", b * 2, b * 1, bytes(b), b.upper(), b.decode(), b.hex(), b.split(b"a")):
    print(v, type(v).__name__)
print(list(b), b"at" in b, Blob(), Blob(3), Blob([65, 66]), Blob("hé", "utf-8"), Blob(b"")[:])
b.kind = "raw"
print(b.kind, vars(b))
for v in (Blob(), Blob(b"ab"), Blob(b"x" * 30)):
    print(len(v), sys.getsizeof(v), gc.is_tracked(v))
print(Blob.__basicsize__, Blob.__itemsize__, Blob.__dictoffset__, Blob.__weakrefoffset__)
for attempt in ("weakref.ref(Blob())", "Celsius('hot')", "Blob('x')", "Celsius(1).real = 2"):
    try:
        exec(attempt)
    except (TypeError, ValueError, AttributeError) as e:
        print(type(e).__name__, e)
