"""pyrt's shipped pprint.py, run by CPython and compared with CPython's own pprint on what
pyrt cannot build yet (the collections types, dataclasses, bytearray): the printers of
those branches are checked before pyrt has the types. argv[1] is the path of pprint.py."""
import importlib.util, pprint, collections, dataclasses, types, sys
spec = importlib.util.spec_from_file_location("shipped_pprint", sys.argv[1])
mine = importlib.util.module_from_spec(spec); spec.loader.exec_module(mine)
@dataclasses.dataclass
class DC:
    name: str
    items: list
    other: object = None
    hidden: int = dataclasses.field(default=0, repr=False)
@dataclasses.dataclass(repr=False)
class NoRepr:
    a: int
dc = DC("n" * 20, list(range(30)), DC("inner", [1] * 20))
rec = DC("r", [])
rec.other = rec
cases = [
    collections.OrderedDict((str(i) * 5, i) for i in range(20)), collections.OrderedDict(),
    collections.defaultdict(list, {i: [i] * 10 for i in range(8)}), collections.defaultdict(int),
    collections.Counter("abracadabra" * 10 + "xyzw" * 3), collections.Counter(),
    collections.ChainMap({"a" * 20: 1}, {"b" * 30: list(range(15))}), collections.ChainMap(),
    collections.deque(range(40)), collections.deque(range(40), maxlen=50), collections.deque(),
    collections.UserDict({i: "v" * 20 for i in range(6)}), collections.UserList(range(40)),
    collections.UserString("word " * 30), dc, rec, NoRepr(5), [dc] * 2, {"k": dc},
    bytearray(range(50)), [bytearray(b"x" * 40)], types.SimpleNamespace(a=dc),
]
bad = 0
for i, c in enumerate(cases):
    for kw in ({}, {"width": 30}, {"indent": 3, "width": 50}, {"compact": True, "width": 40}, {"depth": 2}):
        a = pprint.pformat(c, **kw)
        b = mine.pformat(c, **kw)
        if a.replace(str(id(rec)), "") != b.replace(str(id(rec)), ""):
            bad += 1
            print("DIFF", i, kw); print(a); print(b)
print("compared", len(cases) * 5, "differ", bad)
