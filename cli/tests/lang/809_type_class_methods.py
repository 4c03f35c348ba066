def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

class C:
    pass


class M(type):
    pass


class N(metaclass=M):
    pass


class K:
    def __init_subclass__(cls, **kw):
        print("K.__init_subclass__", cls.__name__, kw)


class L(K, flag=1):
    pass


show(lambda: (C.__init_subclass__(), object.__init_subclass__(), int.__subclasshook__(C)))
show(lambda: C.__init_subclass__(x=1))
show(lambda: C.__init_subclass__(1))
show(lambda: object.__subclasshook__())
show(lambda: (type.__prepare__("X", ()), M.__prepare__(), int.__prepare__(1, a=2)))
show(lambda: (list.__class_getitem__(int), dict.__class_getitem__((str, int)), tuple.__class_getitem__(...)))
show(lambda: (set.__class_getitem__(int), frozenset.__class_getitem__(int)))
show(lambda: list.__class_getitem__())
show(lambda: L.__init_subclass__(y=2))
show(lambda: type(list.__class_getitem__).__name__)
show(lambda: ("__init_subclass__" in object.__dict__, "__prepare__" in type.__dict__))

print(type(N).__name__, N.__init_subclass__.__name__, N.__prepare__.__qualname__)
