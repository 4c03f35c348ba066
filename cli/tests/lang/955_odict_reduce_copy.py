# OrderedDict's __reduce__ (with the instance __dict__), copy, copy.copy/deepcopy, |, |=,
# instance attributes and weak references.
import copy, weakref
from collections import OrderedDict

od = OrderedDict(b=[1], a=2)
od.move_to_end("b")
cls, args, state, listitems, items = od.__reduce__()
print(cls, args, state, listitems, type(items).__name__, list(items))
od.tag = "t"
print(od.__reduce__()[2], od.__dict__, vars(od))
c = od.copy(); s = copy.copy(od); d = copy.deepcopy(od)
print(c, s, d, type(c).__name__, s.__dict__, d.__dict__)
print(c["b"] is od["b"], s["b"] is od["b"], d["b"] is od["b"], c == od, list(d) == list(od))
print(od | {"z": 0}, {"z": 0} | od, od | OrderedDict(a=9), type({"z": 0} | od).__name__)
print(od.__or__(1), od.__ror__([]))
x = od
x |= {"n": 1}
x |= [("m", 2)]
print(x is od, od)
r = weakref.ref(od)
print(r() is od, weakref.getweakrefcount(od))
del od.tag
print(od.__dict__)
class Sub(OrderedDict):
    pass
sd = Sub(a=1); sd.extra = [2]
print(type(sd.copy()).__name__, sd.copy(), copy.deepcopy(sd).extra, sd.__reduce__()[0:3])
print(OrderedDict.fromkeys("ab", []), type(Sub.fromkeys("xy")).__name__, Sub.fromkeys("xy", 1))
class Init(OrderedDict):
    def __init__(self, *args, **kwargs):
        print("init", args and type(args[0]).__name__, kwargs)
        super().__init__(*args, **kwargs)
    def __contains__(self, key):
        print("contains", key)
        return super().__contains__(key)
i = Init(a=1)
print(i | {"b": 2}, {"c": 3} | i)
print(i.setdefault("a", 5), i.setdefault("n", 6), i)
