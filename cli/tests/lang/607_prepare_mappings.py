# __prepare__ may return any mapping: the class body subscripts it; type.__new__ wants a dict.
class Logged(dict):
    def __setitem__(self, k, v): print("set", k); super().__setitem__(k, v)
class Mapping:
    def __init__(self): self.d = {}
    def __getitem__(self, k): print("get", k); return self.d[k]
    def __setitem__(self, k, v): print("setm", k); self.d[k] = v
    def __delitem__(self, k): print("del", k); del self.d[k]
def meta(ns_factory, to_dict=False):
    class M(type):
        @classmethod
        def __prepare__(mcls, name, bases, **kw): return ns_factory()
        def __new__(mcls, name, bases, ns):
            print("new", type(ns).__name__)
            return super().__new__(mcls, name, bases, ns.d if to_dict else ns)
    return M
class D(metaclass=meta(Logged)):
    a = 1
    def f(self): return __class__.__name__
print(type(D.__dict__).__name__, D.a, D().f(), sorted(D.__dict__))
class F(metaclass=meta(Mapping, True)):
    x = 1
    y = (x, len)
    del x
    def g(self): return super().__repr__()[:4]
print(F.y[1] is len, F().g(), hasattr(F, "x"))
for bad in [lambda: Mapping(), lambda: 5, lambda: [], lambda: (), lambda: None]:
    try:
        class G(metaclass=meta(bad)):
            z = 1
    except Exception as e:
        print(type(e).__name__, e)
try:
    class H(metaclass=meta(Mapping, True)):
        del nothing
except NameError as e:
    print(type(e).__name__, e)
