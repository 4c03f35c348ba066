# defaultdict: default_factory (a member, settable to None), __missing__, the first-argument
# check and repr (with recursion).
from collections import defaultdict

d = defaultdict(list)
d["a"].append(1); d["a"].append(2); d["b"]
print(d, d.default_factory, len(d), "c" in d, d.get("c"), dict(d))
d.default_factory = int
d["n"] += 5
print(d["n"], d["m"], d)
d.default_factory = None
try:
    d["zz"]
except KeyError as e:
    print("KeyError", repr(e))
print(defaultdict.__missing__.__doc__.splitlines()[0])
try:
    d.__missing__("q")
except KeyError as e:
    print("KeyError", e)
d.default_factory = set
print(d.__missing__("q"), "q" in d)
for bad in [lambda: defaultdict(1), lambda: defaultdict("x"), lambda: defaultdict([], {})]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
print(defaultdict(), defaultdict(None), defaultdict(None, a=1), defaultdict(int, [("k", 1)], x=2))
print(defaultdict(lambda: 0).default_factory.__name__, defaultdict(dict, {1: {}}))
r = defaultdict(list); r["self"] = r
print(r)
class Fac:
    def __repr__(self): return "Fac()"
    def __call__(self): return 7
print(defaultdict(Fac(), x=1), defaultdict(Fac())["y"])
try:
    hash(defaultdict())
except TypeError as e:
    print(e)
