# isinstance/issubclass through a metaclass's __instancecheck__/__subclasscheck__ (and an
# object-based class's, for its instance used as the class).
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


log = []


class Meta(type):
    def __instancecheck__(cls, inst): log.append(("i", type(inst).__name__)); return inst == 42
    def __subclasscheck__(cls, sub): log.append(("s", sub)); return sub == "yes"


class C(metaclass=Meta): pass
class D(C): pass
class Truthy:
    def __instancecheck__(self, inst): return [1]
    def __subclasscheck__(self, sub): return 0
class Raises(type):
    def __instancecheck__(cls, inst): raise ValueError("no check")
class E(metaclass=Raises): pass
class Static(type):
    __instancecheck__ = staticmethod(lambda inst: inst is None)
class S(metaclass=Static): pass


for f in [lambda: isinstance(42, C), lambda: isinstance(41, C), lambda: isinstance(C(), C),
          lambda: isinstance(D(), C), lambda: isinstance(42, (int, C)),
          lambda: isinstance(42, (str, C)), lambda: issubclass("yes", C), lambda: issubclass(D, C),
          lambda: issubclass(int, (str, C)), lambda: issubclass("no", (C,)),
          lambda: issubclass("no", int), lambda: isinstance(1, Truthy()),
          lambda: issubclass(int, Truthy()), lambda: isinstance(1, object()),
          lambda: issubclass(int, object()), lambda: isinstance(1, E), lambda: isinstance(E(), E),
          lambda: isinstance(None, S), lambda: isinstance(S(), S)]:
    t(f)
print(log)
