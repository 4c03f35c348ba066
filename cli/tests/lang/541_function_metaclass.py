# A function as the metaclass: called with (name, bases, ns, **kw) after the body runs.
def meta(name, bases, ns, **kw):
    print("meta", name, bases, sorted(ns), kw)
    return len(ns)
class E(metaclass=meta, k=1):
    x = 1
    def f(self):
        return 2
print(E)
class Base:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
def make(name, bases, ns, **kw):
    ns["made"] = True
    return type(name, bases, ns, **kw)
class F(Base, metaclass=make, tag=1):
    def g(self):
        return __class__
print(F.made, F().g() is F, type(F))
def lower(name, bases, ns):
    return type(name.lower(), bases, {k.lower(): v for k, v in ns.items()})
class Shout(metaclass=lower):
    VALUE = 3
print(Shout.__name__, Shout.value, hasattr(Shout, "VALUE"))
