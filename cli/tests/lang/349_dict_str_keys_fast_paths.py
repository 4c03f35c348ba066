# Dicts keyed by fresh strs (the str lookup, the in-place store, `in`): values, order, sizes
# as the table grows, a non-str key, and the collector's tracking stay CPython's.
import gc
import sys

counts = {}
sizes = []
for i in range(40):
    key = "k" + str(i % 25)
    counts[key] = counts.get(key, 0) + 1
    sizes.append(sys.getsizeof(counts))
print(len(counts), counts["k3"], counts["k24"], sorted(set(sizes)))
print("k" + "3" in counts, "k99" in counts, "k3" not in counts, list(counts)[:3])
counts[7] = "int key"
print("k3" in counts, 7 in counts, sys.getsizeof(counts), list(counts)[-2:])
counts["k" + "3"] = "replaced"
print(counts["k3"], list(counts).index("k3"), len(counts))
try:
    [] in counts
except TypeError as e:
    print(e)
tracked = {}
tracked["a"] = 1
print(gc.is_tracked(tracked))
tracked["b"] = []
print(gc.is_tracked(tracked))
tracked["b"] = 2
print(gc.is_tracked(tracked), tracked)
