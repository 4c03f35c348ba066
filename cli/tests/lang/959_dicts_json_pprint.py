# json and pprint of OrderedDict and defaultdict (order after moves, nesting, width).
import json, pprint
from collections import OrderedDict, defaultdict

od = OrderedDict(zeta=1, alpha=[1, 2], mid={"k": None})
od.move_to_end("zeta")
print(json.dumps(od), json.dumps(od, sort_keys=True), json.dumps({"o": od}, indent=1))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=OrderedDict))
dd = defaultdict(list, b=[1], a=[2, 3])
print(json.dumps(dd), json.dumps([dd, OrderedDict()]))
pprint.pprint(od)
pprint.pprint(dd)
big = OrderedDict((f"key{i}", list(range(i))) for i in range(8))
big.move_to_end("key0")
pprint.pprint(big, width=40)
pprint.pprint(defaultdict(int, {f"k{i}": i * 1000 for i in range(12)}), width=50)
pprint.pprint({"od": OrderedDict(x=1), "dd": defaultdict(None)})
print(pprint.pformat(OrderedDict()), pprint.pformat(defaultdict(list)))
