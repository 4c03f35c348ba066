# __eq__/__lt__ that mutate the lists being compared, searched or sorted (CPython re-reads sizes).
def tr(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
L = []
class E:
    def __eq__(self, o): L.clear(); return False
def fill(): L[:] = [E(), 1, 2, E()]
for f in (lambda: L < [E(), 1, 2, E()], lambda: L > [E(), 1], lambda: L == [E(), 1, 2, E()],
          lambda: [E(), 1] >= L, lambda: L.count(E()), lambda: E() in L,
          lambda: L.remove(3), lambda: tuple(L) < (E(), 5)):
    fill(); tr(f); print(len(L))
class Grow:
    def __eq__(self, o):
        if len(L) < 50: L.extend(range(10))
        return False
L[:] = [Grow(), Grow()]
tr(lambda: L.count(Grow())); print(len(L))
class Lt:
    def __init__(self, v): self.v = v
    def __lt__(self, o): data.append(Lt(0)); return self.v < o.v
data = [Lt(i) for i in (3, 1, 2, 5, 4)]
tr(lambda: data.sort()); print(len(data))
data = list(range(20, 0, -1))
tr(lambda: data.sort(key=lambda x: data.clear() or x)); print(len(data))
data = list(range(20, 0, -1))
def key(x):
    if x == 5: raise KeyError(x)
    return x
tr(lambda: data.sort(key=key)); print(data[:3])
class M:
    def __init__(self, v): self.v = v
    def __lt__(self, o): ml.clear(); return self.v < o.v
    def __gt__(self, o):
        if len(ml) < 50: ml.append(M(9))
        return self.v > o.v
ml = [M(i) for i in range(5)]; tr(lambda: min(ml).v)
ml = [M(i) for i in range(5)]; tr(lambda: max(ml).v)
L[:] = [type("Rm", (), {"__eq__": lambda s, o: L.clear() or True, "__del__": lambda s: L.insert(0, 9)})()]
tr(lambda: L.remove(5)); print(L)
