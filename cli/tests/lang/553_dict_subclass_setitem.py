# dict subclasses: __setitem__/__delitem__/__getitem__/__contains__ over dict's, super().__init__.
class E(dict):
    def __setitem__(self, k, v):
        print("E set", k, v)
        super().__setitem__(k, v * 2)
    def __delitem__(self, k):
        print("E del", k)
        super().__delitem__(k)
e = E(a=1)
e["b"] = 2; e.update(c=3); e.setdefault("d", 4); print(e)
del e["b"]; print(e)
try: del e["nope"]
except KeyError as x: print("KeyError", x)
class C(dict):
    def __getitem__(self, k):
        return "C:" + str(k)
    def __contains__(self, k):
        return True
c2 = C(x=1)
print(c2["x"], c2["y"], c2.get("y"), "y" in c2, dict.__contains__(c2, "y"), c2)
# | on dict and set subclasses: the class's __or__, the base's __ror__ and __ior__.
class D(dict):
    def __or__(self, o): return D({**self, **o, "merged": True})
print(D(a=1) | {"b": 2}, {"b": 2} | D(a=1))
d = D(a=1); d |= {"c": 3}; print(d, type(d).__name__)
class S(set):
    def __or__(self, o): return "or!"
print(S({1}) | {2}, {2} | S({1}), S({1}) & {1})
