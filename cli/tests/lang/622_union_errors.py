# `|` of a type with something that is not a type, None, an alias or a union is
# NotImplemented: the other operand's __ror__ / __or__ runs, else CPython's TypeError.
def attempt(f):
    try:
        return f()
    except (TypeError, AttributeError) as e:
        return f"{type(e).__name__}: {e}"
u = int | str
for a, b in ((int, 3), (3, int), (None, None), (u, 3), (3, u), (int, "str"), ("str", u),
             (u, 2.5), (list[int], 3), (3, list[int]), (int, [int]), (type, ...)):
    print(attempt(lambda: a | b))
class R:
    def __or__(self, o): return "R.or"
    def __ror__(self, o): return "R.ror"
print(int | R(), R() | int, u | R(), R() | u, list[int] | R(), None | R())
class Meta(type):
    def __or__(cls, o): return ("Meta.or", cls.__name__, o)
    def __ror__(cls, o): return ("Meta.ror", cls.__name__, o)
class C(metaclass=Meta): pass
print(C | int, int | C, C | None, None | C, C | u, u | C)
class Plain(type): pass
class D(metaclass=Plain): pass
print(D | int, int | D, D | C, D | None, attempt(lambda: D | 3))
class NI(type):
    def __or__(cls, o): return NotImplemented
class E(metaclass=NI): pass
print(int | E, attempt(lambda: E | int))
print(attempt(lambda: u.foo), attempt(lambda: setattr(u, "__args__", ())))
print(attempt(lambda: u[int]), attempt(lambda: u[int, str]))
print(attempt(lambda: (list[int] | None)[int]))
x = int
x |= str
print(x, type(x))
x |= None
print(x)
