# Exception subclasses with the container protocol, operators, __eq__/__hash__, __bool__; the
# __doc__ of a user exception class without one is None (not inherited).
class E(Exception): pass
class F(E):
    "F's doc"
class G(F): pass
class H(ValueError):
    def __getitem__(s, k): return s.args[k]
    def __len__(s): return len(s.args)
    def __iter__(s): return iter(s.args)
    def __eq__(s, o): return isinstance(o, H) and s.args == o.args
    def __hash__(s): return hash(s.args)
    def __bool__(s): return False
    def __add__(s, o): return H(*(s.args + o.args))
    def __contains__(s, x): return x in s.args
print(E.__doc__, F.__doc__, G.__doc__, ValueError.__doc__, E().__doc__)
h = H(1, 2, 3)
print(h[0], h[-1], len(h), list(h), h == H(1, 2, 3), h != H(1), hash(h) == hash((1, 2, 3)), bool(h), 2 in h, 5 in h)
print(repr(h + H(4)), {h: 1}[H(1, 2, 3)], sorted(h, reverse=True), [*h], tuple(h), max(h), sum(h))
a, b, c = h
print(a, b, c, not h, h[1:], "yes" if h else "no")
try:
    raise h
except H as e:
    print("caught", e[1], len(e), str(e))
