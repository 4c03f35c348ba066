d = {"a": 1, "b": 2, "c": 3}
k, it = d.keys(), d.items()
print(k & {"a", "z"}, sorted(k - {"a"}), sorted(k | {"z"}), sorted(k ^ {"a", "q"}))
print({"a", "z"} & k, sorted({"a", "z"} - k), sorted(["x"] | k) if False else "skip")
print(sorted(it & {("a", 1), ("b", 9)}), sorted(it - {("a", 1)}), type(k & k).__name__)
print(sorted(k & ["c", "a", "nope"]), sorted(k & d), sorted(k | d.keys()))
e = {}
print(e.keys() & {1}, e.keys() | set(), e.keys() - {1})
for f in [lambda: d.values() & {1}, lambda: k & 5, lambda: k - 5, lambda: 5 | k]:
    try:
        print(f())
    except TypeError as ex:
        print("TypeError:", ex)
x = k
x &= {"b"}
print(x, type(x).__name__, k)
d = {"a": 1, "b": 2}
for v in [reversed(d.keys()), reversed(d.values()), reversed(d.items())]:
    print(type(v).__name__, list(v))
print(list(reversed({}.items())))
