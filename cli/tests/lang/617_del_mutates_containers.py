# __del__ that mutates the container being cleared, popped from or sliced; resurrection; raising.
import gc
log = []
class D:
    def __init__(self, tgt=None, n=0): self.tgt, self.n = tgt, n
    def __del__(self):
        log.append(self.n)
        t = self.tgt
        if isinstance(t, list): t.append(D(None, -1))
        elif isinstance(t, dict): t.clear(); t["x"] = 1
        elif isinstance(t, set): t.clear(); t.add(99)
L = []
L.extend(D(L, i) for i in range(4))
L.clear(); print(len(L), sorted(log)); log.clear()
L = [D(None, i) for i in range(3)]
for x in L: x.tgt = L
del x
L[0:2] = [1, 2, 3]; print(L[:3], len(L)); L[:] = []; print(len(L), sorted(log)); log.clear()
d = {}
for i in range(5): d[i] = D(d, i)
print(d.pop(2) is not None, sorted(d, key=str), sorted(log)); log.clear()
d = {i: D(None, i) for i in range(5)}
for v in d.values(): v.tgt = d
del v
d[1] = 5; print(sorted(d.items(), key=str)); d.clear(); print(d, sorted(log)); log.clear()
saved = []
class R:
    def __del__(self): saved.append(self)
r = R(); del r; print(len(saved)); saved.clear(); print(len(saved))
class C:
    def __init__(self, n): self.n, self.other = n, None
    def __del__(self):
        if self.other is not None: self.other.n *= 10; keep.append(self.other)
keep = []
a, b = C(1), C(2)
a.other, b.other = b, a
del a, b
gc.collect(); print(sorted(c.n for c in keep)); keep.clear(); gc.collect()
