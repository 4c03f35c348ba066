# type(name, bases, ns): __module__ from the caller's globals, __qualname__, and errors.
import mod_made_by_type as m
def t(f):
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__, e)
print(m.K.__module__, m.K, m.L, repr(m.L()).split(" object")[0])
print(m.make({}), m.make({"__module__": "elsewhere"}), m.make({"__qualname__": "X.Y"}))
C = type("C", (), {})
D = type("D", (C,), {"__qualname__": "X.D", "a": 1, "__doc__": "hi"})
print(C, C.__qualname__, D, D.__qualname__, D.__name__, D.a, D.__doc__, D.__mro__)
E = type("E", (), {"__module__": "mymod", "f": lambda self: 42})
print(E, E().f(), sorted(E.__dict__))
t(lambda: type(1, (), {})); t(lambda: type("A", [], {})); t(lambda: type("A", (), []))
t(lambda: type("A", ())); t(lambda: type("A", (), {}, 1)); t(lambda: type())
t(lambda: type("A", (1,), {})); t(lambda: type("A", (), {"__qualname__": 5}))
t(lambda: type.__new__(type, "A", (), {})); t(lambda: type.__new__(1, "A", (), {}))
t(lambda: type.__new__(int, "A", (), {})); t(lambda: type.__new__(type))
t(lambda: type.__new__()); t(lambda: type(name="A", bases=(), dict={}))
t(lambda: type("A", (), {}, x=1)); t(lambda: type("A\x00b", (), {}))
class M(type): pass
G = M("G", (), {})
print(type(G), G.__module__, G.__qualname__)
t(lambda: M("G", 1, {}))
class A: pass
A.__module__ = "zz"
print(A, repr(A()).split(" object")[0])
A.__module__ = 5
print(A, repr(A()).split(" object")[0])
t(lambda: delattr(A, "__module__")); t(lambda: delattr(A, "__qualname__"))
