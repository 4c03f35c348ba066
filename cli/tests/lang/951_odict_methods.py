# OrderedDict methods: move_to_end, popitem, pop, setdefault, update and their errors.
from collections import OrderedDict

od = OrderedDict.fromkeys("abcde", 0)
od.move_to_end("b"); od.move_to_end("d", last=False); od.move_to_end("d", False)
od.move_to_end("b", last=True)
print(od)
print(od.popitem(), od.popitem(last=False), od.popitem(False), od)
print(od.pop("c"), od.pop("zz", "dflt"), od.pop(key="e"), od)
print(od.setdefault("n"), od.setdefault("n", 5), od.setdefault("m", [1]), od)
od.update({"q": 1}, r=2); od.update([("s", 3)]); od.update(OrderedDict(t=4))
od.update(); od.update(e=9)
print(od)
class KeysOnly:
    def keys(self): return ["k1", "k2"]
    def __getitem__(self, k): return k.upper()
od.update(KeysOnly()); print(list(od.items())[-2:])
tries = [lambda: od.move_to_end("nope"), lambda: OrderedDict().move_to_end("x"),
         lambda: OrderedDict().popitem(), lambda: od.pop("nope"), lambda: od.update(1, 2),
         lambda: OrderedDict(1, 2), lambda: OrderedDict([1]), lambda: OrderedDict([(1,)]),
         lambda: OrderedDict([(1, 2, 3)]), lambda: OrderedDict(["ab", "cd", "e"]),
         lambda: od.move_to_end([]), lambda: od.pop([]), lambda: hash(od),
         lambda: od.popitem(1, 2)]
for t in tries:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
print(OrderedDict(["ab", "cd"]), OrderedDict(a=1, b=2) == OrderedDict([("a", 1), ("b", 2)]))
d = OrderedDict(x=1); del d["x"]; print(d, len(d), "x" in d)
for t in [lambda: d.__delitem__("x"), lambda: od.move_to_end(), lambda: od.move_to_end("k1", 1, 2),
          lambda: od.move_to_end("k1", last=0, key=1), lambda: od.popitem(last=1, x=2),
          lambda: od.popitem(1, last=0), lambda: od.move_to_end(last=False, key="k1")]:
    try:
        print(t(), list(od)[:2])
    except (TypeError, KeyError) as e:
        print(type(e).__name__, e)
