# Set operations with a dict operand use its stored hashes, as set_update_internal does.
calls = 0
class H:
    def __init__(self, h): self.h = h
    def __hash__(self):
        global calls; calls += 1; return self.h
    def __eq__(self, o): return self is o
keys = [H(i) for i in range(5)]
d = {k: 1 for k in keys}
s = set(keys)
class DS(dict):
    def __iter__(self): return iter([keys[0]])
for label, f in [("set(d)", lambda: set(d)), ("frozenset(d)", lambda: frozenset(d)),
                 ("update", lambda: {1}.update(d)), ("union", lambda: s.union(d)),
                 ("difference", lambda: s.difference(d)),
                 ("symmetric_difference", lambda: s.symmetric_difference(d)),
                 ("intersection", lambda: s.intersection(d)),
                 ("issubset", lambda: s.issubset(d)), ("isdisjoint", lambda: s.isdisjoint(d)),
                 ("set(s)", lambda: set(s)), ("s | s", lambda: s | s), ("s ^ {1}", lambda: s ^ {1}),
                 ("set(d.keys())", lambda: set(d.keys())),
                 ("set(dict subclass)", lambda: set(DS(d)))]:
    calls = 0
    r = f()
    print(label, calls, r if r is None or isinstance(r, bool) else len(r))
class S:
    def __init__(self, s): self.s = s
    def __hash__(self): return 3
    def __eq__(self, o):
        if self.s is not None: self.s.clear()
        return False
s1 = {S(None) for _ in range(3)}
for x in s1: x.s = s1
for f in (lambda: s1.difference_update({S(s1)}), lambda: s1.symmetric_difference_update({S(s1)}),
          lambda: s1.intersection_update({S(s1), S(s1)}), lambda: S(s1) in frozenset(s1)):
    print(f(), len(s1))
