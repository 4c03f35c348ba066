# Three-argument pow() with __pow__ on built-in subclasses and classes: CPython's ternary_op (the
# left, right and modulus slots in turn; three-argument pow never calls __rpow__).
class I(int):
    def __pow__(s, o, m=None): return ("I.pow", o, m)
class J(int):
    def __rpow__(s, o, m=None): return ("J.rpow", o, m)
class K(int): pass
class F(float):
    def __pow__(s, o, m=None): return ("F.pow", o, m)
class P:
    def __pow__(s, o, m=None): return ("P.pow", o, m)
    def __rpow__(s, o): return "P.rpow"
for c in ["pow(I(2), 3, 5)", "pow(2, I(3), 5)", "pow(2, 3, I(5))", "pow(J(2), 3, 5)", "pow(2, J(3), 5)",
          "pow(K(2), 3, 5)", "pow(F(2.0), 3, 5)", "pow(2, F(3.0), 5)", "pow(P(), 2, 3)", "pow(2, P(), 3)",
          "pow(2, 3, P())", "I(2) ** 3", "pow(I(2), 3)", "pow(K(3), -1, 7)"]:
    try:
        print(c, "->", repr(eval(c)))
    except Exception as e:
        print(c, "->", type(e).__name__, e)
