# make_dataclass with names, (name, type) pairs, a dict, defaults.
import sys
from recordclass import make_dataclass, asdict

D = make_dataclass("D", [("a", int), ("b", float)], defaults=(2.0,))
print(D(1), repr(D.__doc__), sys.getsizeof(D(1)), D.__annotations__)
E = make_dataclass("E", {"a": int, "b": str})
print(E(1, "x"), E.__annotations__, repr(E.__doc__), E.__fields__)
F = make_dataclass("F", "x y z", defaults=(0,))
f = F(1, 2)
print(f, asdict(f), F.__options__)
try:
    f[0]
except TypeError as e:
    print(e)
G = make_dataclass("G", "x y", sequence=True)
print(G(1, 2)[1], list(G(1, 2)), G.__options__)
H = make_dataclass("H", "x y", readonly=True)
print(hash(H(1, 2)) == hash(H(1, 2)), H.__options__)
I = make_dataclass("I", "x y *")
print(I.__match_args__)
J = make_dataclass("J", "x y _ z")
print(J.__match_args__, J.__fields__)
print(make_dataclass("K", "")(), make_dataclass("K", "a").__module__)
