# `in` on dict_keys and dict_items is a hash lookup in the dict (dictkeys_contains), not a walk.
class M:
    def __init__(self, v, h): self.v, self.h = v, h
    def __eq__(self, o):
        print("eq", self.v, getattr(o, "v", o))
        return self is o
    def __hash__(self): return self.h
    def __repr__(self): return f"M({self.v})"
a, b = M(1, 0), M(4, 2)
d = {a: 1, b: 2}
print(M(9, 5) in d.keys(), M(9, 2) in d.keys(), a in d.keys())
print((M(9, 5), 1) in d.items(), (b, 2) in d.items(), (b, 3) in d.items(), (b,) in d.items())
print(M(9, 2) not in d.keys(), [1] in d.items(), 5 in d.values())
try: print([1] in d.keys())
except TypeError as e: print("TypeError", e)
r = d.keys() & d.keys(); print(len(r))
r = d.keys() & {M(7, 2), M(8, 0)}; print(len(r))
r = d.items() & {(a, 1), (M(3, 2), 2)}; print(len(r))
print(d.keys() == {a, b}, d.keys() <= {a, b, M(0, 9)}, d.items() == {(a, 1), (b, 2)})
e = {M(i, i % 3): i for i in range(9)}
print(sum(k in e.keys() for k in list(e)), sum(p in e.items() for p in list(e.items())))
