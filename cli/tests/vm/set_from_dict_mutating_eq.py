# set(d), set.update(d), dict.fromkeys(d), ... while a key's __eq__ grows, clears or pops the dict:
# the dict is walked live with its stored hashes (_PyDict_Next), as CPython.
class M:
    def __init__(self, v, h, act=None): self.v, self.h, self.act = v, h, act
    def __eq__(self, o):
        if self.act: a = self.act; self.act = None; a()
        return isinstance(o, M) and o.v == self.v
    def __hash__(self): return self.h
for act in ("grow", "clear", "pop"):
    d = {M(1, 1): 1, M(2, 1): 2, M(3, 3): 3}
    def doit():
        if act == "grow": d.update({i: i for i in range(100, 110)})
        elif act == "clear": d.clear()
        else: d.popitem()
    list(d)[0].act = doit
    for name, f in (("set", lambda: set(d)), ("update", lambda: {M(2, 1)}.update(d)), ("fromkeys", lambda: dict.fromkeys(d)),
                    ("union", lambda: {5}.union(d)), ("symdiff", lambda: {M(1, 1)}.symmetric_difference(d)),
                    ("diff", lambda: {M(2, 1), M(1, 1)} - d.keys()), ("eq", lambda: d == {M(1, 1): 1, M(2, 1): 2, M(3, 3): 3})):
        try: r = f()
        except Exception as e: r = f"{type(e).__name__}: {e}"
        print(act, name, len(r) if isinstance(r, (set, dict)) else r, len(d))
        if d: list(d)[0].act = doit
