# Set operations whose elements' __eq__ grow, clear or shrink either operand: CPython walks
# the tables live (set_next), so elements added during the walk are met; no crash either way.
def tr(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
class M:
    def __init__(self, v, h, act=None): self.v, self.h, self.act = v, h, act
    def __eq__(self, o):
        if self.act: a = self.act; self.act = None; a()
        return isinstance(o, M) and o.v == self.v
    def __hash__(self): return self.h
    def __repr__(self): return f"M{self.v}"
def mk():
    a = {M(1, 1), M(2, 2), M(3, 3)}
    b = {M(1, 1), M(5, 2)}
    return a, b
ops = {
    "|=": lambda a, b: a.update(b), "&": lambda a, b: a & b, "-": lambda a, b: a - b,
    "-=": lambda a, b: a.difference_update(b), "^=": lambda a, b: a.symmetric_difference_update(b),
    "^": lambda a, b: a ^ b, "<=": lambda a, b: a <= b, ">=": lambda a, b: a >= b,
    "disjoint": lambda a, b: a.isdisjoint(b), "&=": lambda a, b: a.intersection_update(b),
    "==": lambda a, b: a == b, "|": lambda a, b: a | b,
}
for name, op in ops.items():
    for which in ("a", "b"):
        for act in ("grow", "clear", "shrink"):
            a, b = mk()
            tgt = a if which == "a" else b
            def doit(tgt=tgt, act=act):
                if act == "grow": tgt.update(range(100, 140))
                elif act == "clear": tgt.clear()
                else: tgt.pop()
            for x in list(a) + list(b): x.act = doit
            r = None
            try: r = op(a, b)
            except Exception as e: r = f"{type(e).__name__}: {e}"
            if isinstance(r, (set, frozenset)): r = len(r)
            print(name, which, act, r, len(a), len(b))
