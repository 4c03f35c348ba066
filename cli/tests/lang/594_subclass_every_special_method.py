# Every special method on subclasses of the built-in types and of exceptions fills the class's
# slot over the base's: unary operators, @, calls, format, index/int/float, sizeof, len, ...
import sys
class Mixin:
    def __neg__(s): return "neg"
    def __pos__(s): return "pos"
    def __abs__(s): return "abs"
    def __invert__(s): return "inv"
    def __matmul__(s, o): return "matmul"
    def __rmatmul__(s, o): return "rmatmul"
    def __call__(s, *a, **k): return ("call", a, k)
    def __format__(s, spec): return "fmt:" + spec
    def __index__(s): return 7
    def __int__(s): return 8
    def __float__(s): return 9.5
    def __sizeof__(s): return 1234
    def __hash__(s): return 42
    def __bool__(s): return False
    def __len__(s): return 3
    def __getitem__(s, k): return ("gi", k)
    def __reversed__(s): return iter("zy")
    def __round__(s, *n): return ("round", n)
    def __pow__(s, o, m=None): return ("pow", o, m)
    def __repr__(s): return "R"
    def __str__(s): return "S"
tests = ["-o", "+o", "abs(o)", "~o", "o @ 1", "1 @ o", "o(1, k=2)", "format(o, 'x')", "f'{o:y}'",
         "[0, 1, 2, 3, 4, 5, 6, 7, 8][o]", "int(o)", "float(o)", "sys.getsizeof(o)", "hash(o)",
         "bool(o)", "len(o)", "o[1]", "list(reversed(o))", "round(o)",
         "round(o, 2)", "o ** 2", "repr(o)", "str(o)",
         "hex(o)", "range(o)", "'ab' * o", "not o", "[o]", "f'{o!r} {o!s}'", "'%s %r' % (o, o)"]
def run(t):
    try:
        return repr(eval(t))
    except Exception as e:
        return type(e).__name__ + ": " + str(e)
for base, a in [(int, 5), (float, 1.5), (str, "x"), (bytes, b"x"), (tuple, (1,)), (list, [1]),
                (dict, {1: 2}), (set, {1}), (frozenset, {1}), (complex, 1j), (ValueError, "e"),
                (Exception, 1), (KeyError, "k"), (OSError, 2)]:
    o = type("C", (Mixin, base), {})(a)
    print(base.__name__, " | ".join(run(t) for t in tests))
