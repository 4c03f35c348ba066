# __new__ (object.__new__), __init_subclass__, __set_name__ and __class_getitem__.
class Single:
    _inst = None
    def __new__(cls, *a):
        print("new", cls.__name__, a)
        if cls._inst is None:
            cls._inst = object.__new__(cls)
        return cls._inst
    def __init__(self, v): print("init", v)
a = Single(1); b = Single(2)
print(a is b, type(a).__name__)
class Other:
    def __new__(cls): return 42
    def __init__(self): print("never")
class NewOnly:
    def __new__(cls, x): o = object.__new__(cls); o.x = x * 2; return o
print(Other(), NewOnly(21).x)
class Base:
    registry = []
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
        Base.registry.append(cls.__name__)
class A(Base): pass
class B(A): pass
print(Base.registry)
class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
class Row:
    x = Field(); y = Field()
print(Row.x.name, Row.y.name)
class Box:
    def __class_getitem__(cls, item): return f"{cls.__name__}[{getattr(item, '__name__', item)}]"
print(Box[int], Box["x"], Box[Row])
for f in (lambda: object.__new__(5), lambda: object.__new__(int), lambda: object.__new__(Single, 1),
          lambda: object.__new__(Row, 1), lambda: object.__new__()):
    try: f()
    except TypeError as e: print("TypeError:", e)
print(type(object.__new__(object)).__name__, Row.__new__ is not None)
