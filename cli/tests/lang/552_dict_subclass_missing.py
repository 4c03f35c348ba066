# Special methods on a subclass of dict: __missing__, __getitem__/__setitem__/__delitem__,
# __contains__, __repr__, super().__init__ and dict.__x__(self).
class D(dict):
    def __repr__(self):
        return "D" + super().__repr__()
    def __missing__(self, k):
        self[k] = v = len(self)
        return v
d = D()
print(d["a"], d["b"], d["a"], d, [d], {"k": d}, str(d))
print("a" in d, "z" in d, d.get("z"), len(d), dict.__repr__(d))
class Counter(dict):
    def __missing__(self, k):
        return 0
c = Counter()
for w in "abracadabra":
    c[w] += 1
print(c, sorted(c.items()), c["zz"], "zz" in c)
del c["a"]; print(c)
try:
    c.pop("zz")
except KeyError as e:
    print("KeyError", e)
print(dict.__getitem__(c, "b"))
try:
    dict.__getitem__({}, "q")
except KeyError as e:
    print("KeyError", e)
