# collections.ChainMap: lookups through several maps, writes to the first.
from collections import ChainMap

defaults = {"color": "red", "user": "guest"}
args = {"user": "ann"}
cm = ChainMap(args, defaults)
print(cm["user"], cm["color"], cm.get("x"), cm.get("x", 0), len(cm), list(cm), "color" in cm)
print(cm, ChainMap(), dict(cm), sorted(cm.items()), sorted(cm.values()), bool(ChainMap({})))
cm["color"] = "blue"; print(args, defaults)
child = cm.new_child({"user": "bob"}); print(child["user"], child.parents["user"], child.maps)
print(cm.new_child(), cm.new_child(x=1), cm.copy(), cm.copy().maps[1] is defaults)
print(cm.pop("color"), cm.setdefault("n", 5), cm, cm == {"user": "ann", "color": "red", "n": 5})
cm.update({"a": 1}, b=2); print(cm.maps[0])
print(cm.popitem(), ChainMap.fromkeys("ab", 0), cm | {"q": 1}, {"q": 1} | ChainMap({"r": 2}))
cm.clear(); print(cm, cm.maps)
for bad in [lambda: ChainMap()["x"], lambda: ChainMap().pop(1), lambda: ChainMap({}, {1: 2}).pop(1),
            lambda: ChainMap().popitem(), lambda: ChainMap({}, {1: 2}).__delitem__(1)]:
    try:
        bad()
    except KeyError as e:
        print("KeyError", e)
