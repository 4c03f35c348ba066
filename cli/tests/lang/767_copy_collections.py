# copy of the collections types: namedtuple, deque, defaultdict, OrderedDict, Counter, ChainMap.
import copy
from collections import namedtuple, deque, defaultdict, OrderedDict, Counter, ChainMap

P = namedtuple("P", "x y")
p = P([1], 2)
print(copy.copy(p), copy.copy(p).x is p.x, copy.deepcopy(p), copy.deepcopy(p).x is p.x, type(copy.deepcopy(p)).__name__)
d = deque([[1], [2]], maxlen=5)
print(copy.copy(d), copy.copy(d)[0] is d[0], copy.deepcopy(d), copy.deepcopy(d)[0] is d[0], copy.deepcopy(d).maxlen)
dd = defaultdict(list, a=[1])
c1, c2 = copy.copy(dd), copy.deepcopy(dd)
print(c1, c2, c1["a"] is dd["a"], c2["a"] is dd["a"], c2.default_factory, c2["new"])
od = OrderedDict(b=[1], a=2)
print(copy.copy(od), copy.deepcopy(od), copy.deepcopy(od)["b"] is od["b"])
cn = Counter("hello")
print(copy.copy(cn), copy.deepcopy(cn) == cn, type(copy.deepcopy(cn)).__name__)
cm = ChainMap({"k": [1]}, {"z": 0})
cc, cd = copy.copy(cm), copy.deepcopy(cm)
print(cc, cd, cc.maps[0] is cm.maps[0], cc.maps[1] is cm.maps[1], cd.maps[0]["k"] is cm.maps[0]["k"])
class Both:
    __slots__ = ("s", "__dict__")
b = Both(); b.s = [1]; b.extra = [2]
b2 = copy.deepcopy(b); b3 = copy.copy(b)
print(b2.s, b2.extra, b2.s is b.s, b3.s is b.s, b3.extra is b.extra)
class WithState:
    def __init__(self):
        self.v = 1
    def __getstate__(self):
        return {"v": self.v * 10}
    def __setstate__(self, state):
        self.v = state["v"] + 1
print(copy.copy(WithState()).v, copy.deepcopy(WithState()).v)
