# class M(type): its __new__ and __init__, type(C) is M, methods of M on its classes.
class Meta(type):
    def __new__(mcls, name, bases, ns, **kwargs):
        print("Meta.__new__", mcls.__name__, name, [b.__name__ for b in bases], kwargs)
        ns["created_by"] = mcls.__name__
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kwargs):
        print("Meta.__init__", name, sorted(k for k in ns if not k.startswith("__")))
        super().__init__(name, bases, ns)
    def describe(cls):
        return f"class {cls.__name__} made by {cls.created_by}"
class A(metaclass=Meta):
    x = 1
    def hello(self):
        return "hello from A"
print(type(A) is Meta, isinstance(A, Meta), isinstance(A, type))
print(type(A).__name__, Meta.__mro__)
print(A.describe(), A.x, A().hello())
print(repr(A), A.created_by)
class B(A, tag="b"):
    y = 2
print(type(B) is Meta, B.describe(), B.x, B.y, B.__mro__)
print(issubclass(Meta, type), Meta.__bases__, type(Meta))
class Plain(type):
    pass
C = Plain("C", (), {"z": 3})
print(type(C).__name__, C.z, C.__name__, C().z)
D = type("D", (C,), {})
print(type(D).__name__, D.z, "__dict__" in Plain.__dict__, list(Plain.__dict__))
C.w = 5
print(C.w, getattr(C, "v", 0), C.__dict__["w"], {C: 1}[C])
