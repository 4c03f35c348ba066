import sys

d = {"a": 1, "b": 2, "c": 3}
k, v, items = d.keys(), d.values(), d.items()
print(type(k).__name__, type(v).__name__, type(items).__name__)
print(sys.getsizeof(k), len(k))
d["d"] = 4
print(list(k), list(v), list(items)[-1])
print("a" in k, 4 in v, ("b", 2) in items)
print(k & {"a", "z"}, sorted(k - {"a"}))
for key, value in d.items():
    print(key, value, end="; ")
print()
print(list(reversed(d)), list(reversed(d.items()))[0])
ki = iter(d.items())
print(type(ki).__name__, next(ki))
print(sorted(d, key=d.get, reverse=True))
