import sys

d = {}
print(sys.getsizeof(d))
d["a"] = 1
print(sys.getsizeof(d))
for i in range(10):
    d[i] = i * i
print(len(d), sys.getsizeof(d))
print(d.get("a"), d.get("zz"), d.get("zz", 0))
print(list(d.keys())[:4], list(d.values())[:4])
print(d.pop("a"), d.pop("missing", "default"))
d.setdefault("new", []).append(1)
print(d["new"], "new" in d, 99 in d)
d.update({0: "zero"}, extra=True)
print(d[0], d["extra"])
print(dict(a=1, b=2), dict([(1, 2), (3, 4)]), dict.fromkeys("ab", 0))
print({**{"x": 1}, "y": 2} | {"z": 3})
del d[1]
print(list(d.items())[:3])
print(d.popitem())
