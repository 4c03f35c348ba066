# Class keywords: __init_subclass__ receives them, metaclass=type and function metaclasses.
class Plugin:
    registry = {}

    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry[cls.plugin_name] = cls


class Csv(Plugin, name="csv"):
    pass


class Json(Plugin):
    pass


print(sorted(Plugin.registry))
print(Csv.plugin_name, Json.plugin_name)


class Base:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)


class C(Base, flag=True, n=3):
    pass


class D(C, metaclass=type, level=2):
    pass


print(type(D) is type, D.__mro__)

try:

    class A(x=1):
        pass

except TypeError as e:
    print("TypeError:", e)

try:

    class Bad(Plugin, name="bad", extra=1):
        pass

except TypeError as e:
    print("TypeError:", e)


def meta(name, bases, ns, **kw):
    print("meta", name, bases, sorted(ns), kw)
    return len(ns)


class E(metaclass=meta, k=1):
    x = 1

    def f(self):
        return 2


print(E)


def make(name, bases, ns):
    ns["made"] = True
    return type(name, bases, ns)


class F(Base, metaclass=make):
    def g(self):
        return __class__


print(F.made, F().g() is F, type(F))
print(type("G", (Base,), {}).__name__)
