# Special methods that mutate the container being searched, hashed or sorted: no crash.
class K:
    def __init__(self, h, d=None): self.h, self.d = h, d
    def __hash__(self): return self.h
    def __eq__(self, o):
        if self.d is not None: self.d.clear()
        return self is o
d = {}
for i in range(8): d[K(1)] = i
print(K(1, d) in d, len(d))
d = {K(1): 1, K(1): 2}
d[K(1, d)] = 3
print(len(d))
L = []
class E:
    def __eq__(self, o): L.clear(); return False
L.extend([E(), E(), 1, 2])
print(E() in L, L.count(E()), len(L))
L = [E(), E(), E()]
for f in (lambda: L.index(5), lambda: L.remove(5)):
    try: f()
    except ValueError as e: print("ValueError", e)
class Lt:
    def __init__(self, v): self.v = v
    def __lt__(self, o): data.append(Lt(0)); data.clear(); return self.v < o.v
data = [Lt(i) for i in (3, 1, 2)]
try: data.sort()
except ValueError as e: print("ValueError", e)
print(len(data))
s = set()
class H:
    def __hash__(self): s.clear(); return 1
    def __eq__(self, o): s.add(5); return False
s.update([H(), H(), H()]); print(len(s) < 10)
t = [K(i) for i in range(5)]
print(sorted(t, key=lambda x: (t.clear(), x.h)[1])[0].h, t)
class Cmp:
    def __eq__(self, o): dd.clear(); return True
    def __hash__(self): return 0
dd = {Cmp(): 1}; print(dd.get(Cmp()), len(dd))
