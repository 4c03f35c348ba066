# OrderedDict views: odict_keys/odict_values/odict_items in the dict's order, reversible,
# set-like for keys and items, and the iterator type they share.
from collections import OrderedDict

od = OrderedDict(b=2, a=1, c=3)
od.move_to_end("b")
k, v, i = od.keys(), od.values(), od.items()
print(k, v, i)
print(type(k).__name__, type(v).__name__, type(i).__name__, len(k), len(v), len(i))
print(list(reversed(k)), list(reversed(v)), list(reversed(i)), list(reversed(od)))
print(type(iter(od)).__name__, type(reversed(od)).__name__, type(iter(v)).__name__,
      type(reversed(i)).__name__)
print("a" in k, "z" in k, ("a", 1) in i, ("a", 2) in i, 3 in v)
print(k == {"a", "b", "c"}, k == ["a", "b", "c"], i == {("a", 1), ("b", 2), ("c", 3)})
print(sorted(k & {"a", "z"}), sorted(k | {"z"}), sorted(k - {"a"}), sorted(k ^ {"a", "q"}))
print(k <= {"a", "b", "c", "d"}, k < {"a", "b", "c"}, k >= {"a"}, k.isdisjoint(["x"]))
od["d"] = 4
print(k, v, i)
od.move_to_end("d", last=False)
print(list(k), list(v), list(i))
it = iter(i); print(next(it), next(it))
rit = reversed(od); print(next(rit), next(rit), list(rit))
print(OrderedDict().keys(), OrderedDict().values(), OrderedDict().items())
it = iter(od)
print(list(it), list(it))
