# defaultdict copies: copy/__copy__/copy.copy/deepcopy keep the factory; __reduce__; | and |=.
import copy
from collections import defaultdict

d = defaultdict(list, a=[1], b=[2])
c, cc, s, dc = d.copy(), d.__copy__(), copy.copy(d), copy.deepcopy(d)
for x in (c, cc, s, dc):
    print(x, type(x).__name__, x.default_factory, x["a"] is d["a"])
red = d.__reduce__()
print(red[0], red[1], red[2], red[3], type(red[4]).__name__, list(red[4]))
print(defaultdict().__reduce__()[:4], defaultdict(None, x=1).__reduce__()[1])
print(d | {"z": [0]}, {"z": [0]} | d, type({"z": 0} | d).__name__, (d | {}).default_factory)
print(d.__or__(1), d.__ror__(1))
e = d
e |= {"q": []}
e |= [("w", [3])]
print(e is d, d)
class DD(defaultdict):
    pass
sub = DD(int, k=1)
print(type(sub.copy()).__name__, sub.copy(), copy.deepcopy(sub), sub.__reduce__()[:2])
print(sub == {"k": 1}, defaultdict(int) == {}, d == dict(d))
