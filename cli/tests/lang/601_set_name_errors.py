# __set_name__: order, classes made by type(), and 3.12's notes on errors.
class SN:
    def __set_name__(self, owner, name): print("set_name", owner.__name__, name)
class K:
    a = SN(); b = SN()
K.c = SN()
T = type("T", (), {"x": SN(), "y": 1})
class O:
    def __init_subclass__(cls): print("O sub", cls.__name__, type(cls.x).__name__)
class O2(O):
    x = SN()
class D:
    def __set_name__(self, owner, name): raise ValueError("boom " + name)
class D2:
    def __set_name__(self, owner, name, extra): pass
class D3:
    __set_name__ = 5
class D4:
    @staticmethod
    def __set_name__(owner, name): print("static", name)
for d in [D, D2, D3, D4]:
    try:
        type("H", (), {"first": 1, "d": d()})
        print("made with", d.__name__)
    except Exception as e:
        print(type(e).__name__, e, getattr(e, '__notes__', None))
class E:
    def __set_name__(self, owner, name): raise KeyError(name)
try:
    class H5:
        e = E()
except KeyError as e:
    print(type(e).__name__, e, e.__notes__)
