# A metaclass's special methods act on its classes: repr/str/format, len, iter, getitem
# (before __class_getitem__), contains, bool; a plain metaclass keeps type's behaviour.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


class M(type):
    def __repr__(cls): return "<M class " + cls.__name__ + ">"
    def __str__(cls): return "str of " + cls.__name__
    def __format__(cls, spec): return "fmt:" + spec
    def __len__(cls): return len(cls.__name__)
    def __iter__(cls): return iter(cls.__name__)
    def __getitem__(cls, key): return (cls.__name__, key)
    def __contains__(cls, item): return item in cls.__name__
    def __bool__(cls): return cls.__name__ != "Empty"


class Apple(metaclass=M):
    def __class_getitem__(cls, key): return "class_getitem"
class Empty(metaclass=M): pass
class Sub(Apple): pass
class Plain(type): pass
class P(metaclass=Plain): pass


for f in [lambda: repr(Apple), lambda: str(Apple), lambda: f"{Apple}", lambda: f"{Apple:>5}",
          lambda: len(Apple), lambda: list(Apple), lambda: [*Empty], lambda: Apple[1],
          lambda: "pp" in Apple, lambda: "z" in Apple, lambda: bool(Apple), lambda: bool(Empty),
          lambda: "yes" if Empty else "no", lambda: [Apple, Empty], lambda: repr(Sub),
          lambda: Sub[0], lambda: len(Sub), lambda: type(Apple()).__name__, lambda: repr(P),
          lambda: P == P, lambda: len(P), lambda: P[1], lambda: format(P, ""),
          lambda: format(P, "x")]:
    t(f)
