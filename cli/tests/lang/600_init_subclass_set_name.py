# __init_subclass__ chains through super() with keywords; implicit classmethods.
class Base:
    def __init_subclass__(cls, **kw):
        print("Base.init_subclass", cls.__name__, kw)
        super().__init_subclass__()
class Mid(Base):
    def __init_subclass__(cls, tag=None, **kw):
        print("Mid.init_subclass", cls.__name__, tag, kw)
        super().__init_subclass__(**kw)
class Leaf(Mid, tag=1, other=2): pass
print(type(Base.__dict__['__init_subclass__']).__name__, Base.__init_subclass__.__self__)
try:
    class Bad(Base, x=1):
        def __init_subclass__(cls, **kw): pass
    class Bad2(Bad, y=2): pass
except TypeError as e:
    print(type(e).__name__, e)
class P:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
for body in ["class Q(P, z=3): pass", "class Z(object, q=1): pass"]:
    try:
        exec(body)
    except TypeError as e:
        print(type(e).__name__, e)
class IS:
    @classmethod
    def __init_subclass__(cls, **kw): print("classmethod explicit", cls.__name__)
class IS2(IS): pass
class Init:
    __init_subclass__ = lambda cls: print("lambda", cls.__name__)
class Init2(Init): pass
class G:
    def __class_getitem__(cls, item): return (cls.__name__, item)
print(G[int], type(G.__dict__['__class_getitem__']).__name__)
class SM:
    @staticmethod
    def __init_subclass__(**kw): print("staticmethod", kw)
class SM2(SM, k=1): pass
