# pprint: dicts, lists, tuples, sets and frozensets, with width, indent, depth, compact.
import pprint

data = {"name": "pyrt", "versions": [3, 12, 1], "nested": {"a": list(range(30)), "b": ("x", "y") * 8},
        "s": {5, 3, 1}, "f": frozenset({"q", "p"}), 1: None, "empty": [], "t1": (1,), "e": {}}
pprint.pprint(data)
pprint.pprint(data, width=40, indent=4)
pprint.pprint(data, depth=1)
pprint.pprint(data, depth=2, compact=True, width=50)
pprint.pp(data, width=60)
print(pprint.pformat(list(range(40)), compact=True, width=30))
pprint.pprint({3: 1, "a": 2, (1,): 3, None: 4})
pprint.pprint({"z": 1, "a": 2}, sort_dicts=False)
pprint.pprint(((((((1,),),),),),), depth=3)
pprint.pprint([[[[["deep"]]]]], depth=2)
pprint.pprint(set(range(30)), width=20, compact=True)
pprint.pprint(frozenset(range(3)))
pprint.pprint(frozenset(range(25)))
pprint.pprint([("tuple", 1)] * 2 + [{"set"}], width=10)
pprint.pprint([set(), frozenset(), (), [], {}], width=5)
class MyList(list):
    pass
class MyDict(dict):
    def __repr__(self):
        return "MyDict!"
pprint.pprint(MyList(range(25)), width=40)
pprint.pprint([MyDict(a=1)] * 9, width=40)
