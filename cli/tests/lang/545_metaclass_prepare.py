# __prepare__ gives the class body its namespace; keywords reach it and __new__.
class Prep(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", mcls.__name__, name, kw)
        return {"injected": 42}
    def __new__(mcls, name, bases, ns, **kw):
        print("new", name, sorted(ns), kw)
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
class P(metaclass=Prep, opt=True):
    x = injected + 1
print(P.injected, P.x, type(P).__name__)
class Q(P):
    pass
print(Q.injected, Q.__mro__)
class Bad(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 5
try:
    class R(metaclass=Bad):
        pass
except TypeError as e:
    print("TypeError:", e)
