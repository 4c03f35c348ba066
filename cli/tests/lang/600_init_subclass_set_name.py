class Base:
    def __init_subclass__(cls, **kw):
        print("Base.init_subclass", cls.__name__, kw)
        super().__init_subclass__()
class Mid(Base):
    def __init_subclass__(cls, tag=None, **kw):
        print("Mid.init_subclass", cls.__name__, tag, kw)
        super().__init_subclass__(**kw)
class Leaf(Mid, tag=1, other=2): pass
try:
    class Bad(Base, x=1):
        def __init_subclass__(cls, **kw): pass
    class Bad2(Bad, y=2): pass
except TypeError as e:
    print(type(e).__name__, e)
class P:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
try:
    class Q(P, z=3): pass
except TypeError as e:
    print(type(e).__name__, e)
class D:
    def __set_name__(self, owner, name):
        raise ValueError("boom " + name)
try:
    class H:
        d = D()
except ValueError as e:
    print(type(e).__name__, e, getattr(e, '__notes__', None))
class D2:
    def __set_name__(self, owner, name, extra): pass
try:
    class H2:
        d = D2()
except TypeError as e:
    print(type(e).__name__, e, getattr(e, '__notes__', None))
class D3:
    __set_name__ = 5
try:
    class H3:
        d = D3()
except TypeError as e:
    print(type(e).__name__, e, getattr(e, '__notes__', None))
class SN:
    def __set_name__(self, owner, name): print("set_name", owner.__name__, name)
class K:
    a = SN(); b = SN()
K.c = SN()
T = type("T", (), {"x": SN()})
class O:
    def __init_subclass__(cls): print("O sub", cls.__name__, type(cls.x).__name__)
class O2(O):
    x = SN()
class IS:
    @classmethod
    def __init_subclass__(cls, **kw): print("classmethod explicit", cls.__name__)
class IS2(IS): pass
try:
    class Z(object, q=1): pass
except TypeError as e:
    print(type(e).__name__, e)
class Init:
    __init_subclass__ = lambda cls: print("lambda", cls)
class Init2(Init): pass
