# Built-in types expose their slots: wrapper_descriptor (unbound) and method-wrapper (bound).
import sys
print(int.__add__, type(int.__add__).__name__, type((1).__add__).__name__)
print(str.__add__, str.__mul__, str.__rmul__, list.__add__, list.__len__, tuple.__len__)
print(object.__str__, int.__str__, bool.__add__, bool.__repr__, float.__repr__, object.__lt__)
print(int.__add__(1, 2), int.__add__(1, 2.0), int.__radd__(1, 2), float.__rsub__(1.5, 1))
print(int.__lt__(1, 2), object.__eq__(1, 1), object.__eq__(1, 2), object.__ne__(1, 2))
print((5).__neg__(), (2).__mul__(3), "ab".__mul__(2), "a".__add__("b"), (7).__divmod__(2))
print((1).__eq__(1.0), (1).__ne__("x"), (0).__bool__(), [1, 2].__len__(), (2).__pow__(10))
print(int.__add__.__name__, int.__add__.__qualname__, int.__add__.__objclass__, int.__add__.__doc__)
print((1).__add__.__self__, (1).__add__.__name__, list.__hash__, dict.__hash__, int.__hash__)
print(sys.getsizeof(int.__add__), sys.getsizeof((1).__add__))
print(list(map(int.__mul__, [1, 2, 3], [4, 5, 6])), sorted([3, 1, 2], key=int.__neg__))
for f in (lambda: int.__add__("a", 1), lambda: int.__add__(1), lambda: int.__neg__(1, 2),
          lambda: int.__add__(), lambda: int.__add__(1, other=2), lambda: str.__add__("a", 1)):
    try: f()
    except TypeError as e: print("TypeError:", e)
class P:
    def __init__(self, x): self.x = x
class Q(P):
    def __repr__(self): return "Q(" + object.__repr__(self)[:12] + "...)"
    def __eq__(self, other): return "custom"
    def __str__(self): return "str of Q"
print(P.__repr__, P.__eq__, P.__hash__, P.__str__, Q.__eq__.__name__, Q.__hash__)
q = Q(1)
print(q, repr(q), object.__str__(q), object.__eq__(q, q), object.__ne__(q, 1), object.__lt__(q, q))
print(P(1).__eq__(3), P(1).__ne__(3), repr(P(1).__eq__).startswith("<method-wrapper '__eq__' of P object at 0x"))
print(repr((1).__add__).startswith("<method-wrapper '__add__' of int object at 0x"))
print(object.__repr__(3).startswith("<int object at 0x"), object.__hash__(q) == hash(q) or "no")
