# Merging and comparing dicts use the stored hashes: a key's __hash__ runs once, at insertion.
calls = 0
class H:
    def __init__(self, h, act=None): self.h, self.act = h, act
    def __hash__(self):
        global calls; calls += 1
        if self.act: a = self.act; self.act = None; a()
        return self.h
    def __eq__(self, o): return self is o
def count(label, f):
    global calls
    calls = 0
    try: r = f()
    except Exception as e: r = f"{type(e).__name__}: {e}"
    print(label, calls, r if r is None or isinstance(r, (int, bool, str)) else len(r))
keys = [H(i) for i in range(5)]
d = {k: 1 for k in keys}
for label, f in [("dict(d)", lambda: dict(d)), ("update", lambda: {0: 0}.update(d)),
                 ("{**d}", lambda: {**d}), ("d | e", lambda: {1: 1} | d),
                 ("d == copy", lambda: d == dict(d)), ("fromkeys(d)", lambda: dict.fromkeys(d)),
                 ("fromkeys(set)", lambda: dict.fromkeys(set(keys))),
                 ("fromkeys(list)", lambda: dict.fromkeys(keys))]:
    count(label, f)
d = {i: i for i in range(10)}
src = {}; src.update({H(50): 1, H(51): 2}); list(src)[0].act = lambda: src.clear()
count("update from dict whose hash clears it", lambda: d.update(src)); print(len(d), len(src))
class K:
    def __init__(self, h): self.h = h
    def __hash__(self): return self.h
    def __repr__(self): return f"K({self.h})"
for f in (lambda: {K(1)}.remove(K(1)), lambda: {}.pop(K(2)), lambda: {K(3): 0}[K(3)],
          lambda: "%(a)s" % {K(4): 1}):
    try: f()
    except KeyError as e: print("KeyError", e, type(e.args[0]).__name__)
class KH:
    def __hash__(self): raise KeyError("from hash")
def delete(d, k): del d[k]
for f in (lambda: delete({}, KH()), lambda: delete({1: 2}, KH()), lambda: {1: 2}.pop(KH())):
    try: f()
    except KeyError as e: print("KeyError", e.args)
