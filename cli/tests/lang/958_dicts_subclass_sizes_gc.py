# Sizes of OrderedDict/defaultdict subclasses, GC tracking, and dict's own functions applied
# to them (they are real dict subclasses).
import copy, gc, sys
from collections import OrderedDict, defaultdict

class O(OrderedDict):
    pass
class S(OrderedDict):
    __slots__ = ("x",)
class D(defaultdict):
    pass
class E(defaultdict):
    __slots__ = ("y", "z")
print(defaultdict.__basicsize__, D.__basicsize__, E.__basicsize__)
for obj in (OrderedDict(), O(), S(), defaultdict(), D(), E(), defaultdict(int, a=1), O(a=1)):
    print(type(obj).__name__, sys.getsizeof(obj), gc.is_tracked(obj), isinstance(obj, dict))
print([sys.getsizeof(O.fromkeys(range(n))) for n in (0, 3, 8, 20)])
print([sys.getsizeof(D(None, dict.fromkeys(range(n)))) for n in (0, 3, 8, 20)])
od = OrderedDict(a=1, b=2)
print(dict.keys(od), dict.__repr__(od), dict.get(od, "a"), dict.__len__(od), len(od))
dd = defaultdict(list)
print(dict.__getitem__(dd, "k"), dd, dict.get(dd, "j"), dd.get("j"), dd)
print(issubclass(OrderedDict, dict), issubclass(defaultdict, dict), OrderedDict.__mro__)
print(defaultdict.__mro__, OrderedDict.__name__, defaultdict.__module__)
print(type(OrderedDict.move_to_end).__name__ in ("method_descriptor", "function"))
gc.collect()
cyc = OrderedDict(); cyc["me"] = cyc
dcyc = defaultdict(list); dcyc["me"] = dcyc
del cyc, dcyc
print(gc.collect() >= 2)
s = S(a=1); s.x = 5
print(s.__reduce__()[:4], copy.copy(s).x, copy.deepcopy(s).x)
