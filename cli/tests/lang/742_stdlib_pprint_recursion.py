# pprint: recursive structures, saferepr/isreadable/isrecursive, PrettyPrinter's errors.
import pprint

def show(text, *objects):
    for o in objects:
        text = text.replace(str(id(o)), "ID")
    print(text)

r = [1, 2]
r.append(r)
show(pprint.saferepr(r), r)
print(pprint.isrecursive(r), pprint.isreadable(r))
print(pprint.isreadable([1, "a"]), pprint.isreadable([object]), pprint.saferepr({"b": 1, "a": [2]}))
d = {"x": 1}
d["self"] = d
show(pprint.pformat(d), d)
show(pprint.pformat([d] * 2, width=20), d)
t = ([],)
t[0].append(t)
show(pprint.pformat(t), t, t[0])
shared = [1, 2, 3]
pprint.pprint([shared, shared, {"again": shared}])
for bad in ({"indent": -1}, {"depth": 0}, {"width": 0}):
    try:
        pprint.PrettyPrinter(**bad)
    except ValueError as e:
        print(e)
pp = pprint.PrettyPrinter(width=20)
print(pp.pformat(("a" * 10, "b" * 10)), pp.isrecursive(r), pp.isreadable(1))
print(pp.isreadable({"k": [1, (2, 3)]}), pp.format([1, [2]], {}, 1, 0))
pprint.pprint([1, 2], stream=None)
class Unorderable:
    def __repr__(self):
        return "U"
pprint.pprint({Unorderable(), 1} == {1}, width=5)
pprint.pprint(sorted([3, 1, 2]), indent=3, width=6)
