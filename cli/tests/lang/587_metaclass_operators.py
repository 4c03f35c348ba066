# A metaclass's operators, comparisons and __hash__ act on its classes (C | D, -C, C < D,
# sorted, dict keys); __eq__ without __hash__ makes its classes unhashable.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


class M(type):
    def __or__(cls, other): return ("or", cls.__name__, getattr(other, "__name__", other))
    def __ror__(cls, other): return ("ror", cls.__name__, other)
    def __add__(cls, other): return cls.__name__ + "+" + str(other)
    def __neg__(cls): return "neg " + cls.__name__
    def __invert__(cls): return "inv " + cls.__name__
    def __lt__(cls, other): return cls.__name__ < other.__name__
    def __eq__(cls, other): return getattr(other, "__name__", None) == cls.__name__
    def __hash__(cls): return hash(cls.__name__)


class Apple(metaclass=M): pass
class Pear(metaclass=M): pass
class EqOnly(type):
    def __eq__(cls, other): return True
class Q(metaclass=EqOnly): pass


for f in [lambda: Apple | Pear, lambda: Apple | int, lambda: 5 | Apple, lambda: Apple + 1,
          lambda: -Apple, lambda: ~Pear, lambda: +Apple, lambda: abs(Apple), lambda: Apple - 1,
          lambda: Apple < Pear, lambda: Apple > Pear, lambda: sorted([Pear, Apple]),
          lambda: Apple == Pear, lambda: Apple != Pear, lambda: hash(Apple) == hash("Apple"),
          lambda: {Apple: 1}[Apple], lambda: Q == 1, lambda: Q != 1, lambda: hash(Q),
          lambda: {Q}]:
    t(f)
