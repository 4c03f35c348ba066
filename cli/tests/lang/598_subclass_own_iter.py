# __iter__ on list, tuple, dict and str subclasses is what list(), tuple(), sorted(), extend(),
# set(), dict.fromkeys(), unpacking and for loops use (CPython's fast paths are for exact types).
class L(list):
    def __iter__(s): return iter("ab")
class T(tuple):
    def __iter__(s): return iter("cd")
class D(dict):
    def __iter__(s): return iter("ef")
class S(str):
    def __iter__(s): return iter("gh")
for o in [L([1]), T((1,)), D({1: 2}), S("x")]:
    r = []
    for x in o: r.append(x)
    print(type(o).__name__, r, list(o), tuple(o), [*o], sorted(o), set(o), list(iter(o)), dict.fromkeys(o), "".join(o) if not isinstance(o, (L, T)) else "-")
    l = []; l.extend(o); print(l, max(o), min(o), list(enumerate(o)), list(zip(o, o)), list(map(str, o)))
    a, b = o if len(o) == 2 else ("?", "?")
    print(a, b)
class Z(set):
    def __iter__(s): return iter("ij")
z = Z({1})
print(set(z), frozenset(z) == {1}, list(z), sorted(z), {1} | z, set().union(z), dict.fromkeys(z))
