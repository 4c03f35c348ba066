# OrderedDict sizes: odict_sizeof counts the dict, the fast-node array (as large as the dict's
# hash table) and one 32-byte node per key, while the dict grows, shrinks and is cleared.
import sys
from collections import OrderedDict

od = OrderedDict()
print(sys.getsizeof(od), sys.getsizeof({}))
for i in range(12):
    od[i] = i
    print(i, sys.getsizeof(od), sys.getsizeof(dict(od)))
print([sys.getsizeof(OrderedDict.fromkeys(range(n))) for n in (0, 1, 5, 6, 10, 11, 22, 43)])
od = OrderedDict.fromkeys("abcdefgh")
before = sys.getsizeof(od)
od.move_to_end("a"); od.move_to_end("h", last=False); od.move_to_end("c")
print(before, sys.getsizeof(od), list(od))
for k in "abcdefg":
    del od[k]
print(sys.getsizeof(od), od)
od.popitem()
print(sys.getsizeof(od), od)
od.clear()
print(sys.getsizeof(od), od)
od.pop("missing", None); od.setdefault("x", 1)
print(sys.getsizeof(od), od)
big = OrderedDict((str(i), i) for i in range(100))
print(sys.getsizeof(big), sys.getsizeof(big.copy()), sys.getsizeof(OrderedDict(big)))
for k in list(big)[:90]:
    big.move_to_end(k)
print(sys.getsizeof(big), list(big)[:3], list(big)[-3:])
