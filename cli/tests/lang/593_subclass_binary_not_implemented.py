# Binary operators on built-in subclasses whose methods answer NotImplemented: CPython's
# binary_op1 over slot_nb_* (the base's function is not tried for the left operand).
class N(float):
    def __sub__(s, o): print("N.__sub__", type(o).__name__); return NotImplemented
class I(int):
    def __sub__(s, o): print("I.__sub__", type(o).__name__); return NotImplemented
    def __rpow__(s, o): return ("rpow", o)
class R(int):
    def __rsub__(s, o): print("R.__rsub__", type(o).__name__); return NotImplemented
class L(list):
    def __add__(s, o): print("L.__add__"); return NotImplemented
class M(list):
    def __rmul__(s, o): return "M.__rmul__"
class S(set):
    def __or__(s, o): print("S.__or__"); return NotImplemented
class D(dict):
    def __ror__(s, o): return "D.__ror__"
class T(str):
    def __mod__(s, o): return NotImplemented
    def __radd__(s, o): return "T.__radd__"
class P:
    def __rsub__(s, o): return ("P.__rsub__", type(o).__name__)
cases = ["N(1.5) - 1", "I(5) - 1", "1 - I(5)", "I(5) - I(2)", "R(3) - 1", "1 - R(3)",
         "1.5 - R(3)", "L([1]) + [2]", "[2] + L([1])", "N(1.5) - 1.0", "2.0 - N(1.5)",
         "M([1]) * 2", "2 * M([1])", "S({1}) | {2}", "{2} | S({1})", "S({1}) | frozenset({3})",
         "S({1}) & {1}", "{'a': 1} | D(b=2)", "D(b=2) | {'a': 1}", "T('%s') % 1", "'%s' % T('x')",
         "I(2) - P()", "N(2.0) - P()", "2 ** I(3)", "I(2) ** 3", "pow(2, I(3))",
         "divmod(I(7), 2)", "N(1.5) - N(0.5)", "I(3) - True", "True - I(3)", "M([1]) * 'a'", "'a' + T('b')", "T('b') + 'a'"]
for c in cases:
    try:
        print(c, "->", repr(eval(c)))
    except TypeError as e:
        print(c, "->", type(e).__name__, e)
x = I(4)
x -= 1
y = 10
y -= R(3)
print(x, y)
