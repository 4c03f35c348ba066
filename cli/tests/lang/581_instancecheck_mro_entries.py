# isinstance/issubclass through a metaclass's __instancecheck__/__subclasscheck__ (and an
# object-based class's, used as the class), and __mro_entries__ (PEP 560) in class statements.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


log = []


class Meta(type):
    def __instancecheck__(cls, inst):
        log.append(("inst", cls.__name__, type(inst).__name__))
        return inst == 42

    def __subclasscheck__(cls, sub):
        log.append(("sub", cls.__name__, sub))
        return sub == "yes"


class C(metaclass=Meta):
    pass


class D(C):
    pass


t(lambda: isinstance(42, C))
t(lambda: isinstance(41, C))
t(lambda: isinstance(C(), C))
t(lambda: isinstance(D(), C))
t(lambda: isinstance(42, (int, C)))
t(lambda: isinstance("x", (str, C)))
t(lambda: isinstance(42, (str, C)))
t(lambda: issubclass("yes", C))
t(lambda: issubclass(D, C))
t(lambda: issubclass(int, (str, C)))
t(lambda: issubclass("no", (C,)))
t(lambda: issubclass("no", int))
t(lambda: issubclass(bool, int))
print(log)


class Truthy:
    def __instancecheck__(self, inst):
        return [1]

    def __subclasscheck__(self, sub):
        return 0


t(lambda: isinstance(1, Truthy()))
t(lambda: issubclass(int, Truthy()))
t(lambda: isinstance(1, object()))
t(lambda: issubclass(int, object()))


class Raises(type):
    def __instancecheck__(cls, inst):
        raise ValueError("no check")


class E(metaclass=Raises):
    pass


t(lambda: isinstance(1, E))
t(lambda: isinstance(E(), E))


class Static(type):
    __instancecheck__ = staticmethod(lambda inst: inst is None)


class S(metaclass=Static):
    pass


t(lambda: isinstance(None, S))
t(lambda: isinstance(S(), S))


class Base:
    def hello(self):
        return "hello from Base"


class Alias:
    def __init__(self, *targets):
        self.targets = targets

    def __mro_entries__(self, bases):
        print("mro_entries got", [getattr(b, "__name__", "alias") for b in bases])
        return self.targets


class K(Alias(Base)):
    pass


print(K.__bases__, K.__mro__)
print(K().hello())
print([getattr(b, "__name__", "alias") for b in K.__orig_bases__])
print("__orig_bases__" in Base.__dict__)


class Two(Alias(), Base):
    pass


print(Two.__bases__)


class Mixin:
    pass


class Three(Alias(Mixin, Base), int if False else object):
    pass


print(Three.__bases__)


class Bad:
    def __mro_entries__(self, bases):
        return [Base]


try:
    class X(Bad()):
        pass
except TypeError as e:
    print(type(e).__name__, e)


class Boom:
    def __mro_entries__(self, bases):
        raise KeyError("boom")


try:
    class Y(Boom()):
        pass
except KeyError as e:
    print(type(e).__name__, e)

try:
    class Z(1):
        pass
except TypeError as e:
    print(type(e).__name__, e)
