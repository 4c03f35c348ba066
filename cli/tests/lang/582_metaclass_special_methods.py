# Special methods of a metaclass act on its classes: repr/str, len, iter, getitem (before
# __class_getitem__), contains, bool, operators, comparisons and hash, call, format.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


class M(type):
    def __repr__(cls):
        return "<M class " + cls.__name__ + ">"

    def __str__(cls):
        return "str of " + cls.__name__

    def __len__(cls):
        return len(cls.__name__)

    def __iter__(cls):
        return iter(cls.__name__)

    def __getitem__(cls, key):
        return (cls.__name__, key)

    def __contains__(cls, item):
        return item in cls.__name__

    def __or__(cls, other):
        return ("or", cls.__name__, getattr(other, "__name__", other))

    def __ror__(cls, other):
        return ("ror", cls.__name__, other)

    def __add__(cls, other):
        return cls.__name__ + "+" + str(other)

    def __neg__(cls):
        return "neg " + cls.__name__

    def __invert__(cls):
        return "inv " + cls.__name__

    def __lt__(cls, other):
        return cls.__name__ < other.__name__

    def __eq__(cls, other):
        return getattr(other, "__name__", None) == cls.__name__

    def __hash__(cls):
        return hash(cls.__name__)

    def __format__(cls, spec):
        return "fmt:" + spec

    def __bool__(cls):
        return cls.__name__ != "Empty"


class Apple(metaclass=M):
    def __class_getitem__(cls, key):
        return "class_getitem"


class Pear(metaclass=M):
    pass


class Empty(metaclass=M):
    pass


t(lambda: repr(Apple))
t(lambda: str(Apple))
t(lambda: f"{Apple}")
t(lambda: f"{Apple:>5}")
t(lambda: format(Apple, "x"))
t(lambda: len(Apple))
t(lambda: list(Apple))
t(lambda: [*Pear])
t(lambda: Apple[1])
t(lambda: Pear["k"])
t(lambda: "pp" in Apple)
t(lambda: "z" in Apple)
t(lambda: Apple | Pear)
t(lambda: Apple | int)
t(lambda: 5 | Apple)
t(lambda: Apple + 1)
t(lambda: -Apple)
t(lambda: ~Pear)
t(lambda: Apple < Pear)
t(lambda: sorted([Pear, Apple]))
t(lambda: Apple == Pear)
t(lambda: Apple != Pear)
t(lambda: hash(Apple) == hash("Apple"))
t(lambda: {Apple: 1}[Apple])
t(lambda: bool(Apple))
t(lambda: bool(Empty))
t(lambda: "yes" if Empty else "no")
t(lambda: [Apple, Pear])
t(lambda: Apple().__class__.__name__)
t(lambda: Apple - 1)
t(lambda: abs(Apple))


class Sub(Apple):
    pass


t(lambda: repr(Sub))
t(lambda: Sub[0])
t(lambda: len(Sub))


class Plain(type):
    pass


class P(metaclass=Plain):
    pass


t(lambda: repr(P))
t(lambda: P == P)
t(lambda: hash(P) == hash(P))
t(lambda: len(P))
t(lambda: P[1])


class EqOnly(type):
    def __eq__(cls, other):
        return True


class Q(metaclass=EqOnly):
    pass


t(lambda: Q == 1)
t(lambda: Q != 1)
t(lambda: hash(Q))
t(lambda: {Q})
