# pprint: indent above 1, compact packing, narrow widths, mixed-type keys, nested depth.
import pprint

nested = {"alpha": [1, 2, {"deep": list(range(12)), "tuple": (1, 2, 3)}], "beta": {"x": 1, "y": [2] * 15},
          "gamma": [("k", i) for i in range(6)], "delta": {frozenset({1, 2}): "f"}}
for indent in (2, 4):
    pprint.pprint(nested, indent=indent, width=40)
pprint.pprint(nested, compact=True, width=36)
pprint.pprint(nested, compact=True, indent=3, width=30, depth=3)
pprint.pprint(list(range(60)), compact=True, width=20, indent=2)
pprint.pprint([["ab" * 5] * 4] * 2, compact=True, width=28)
pprint.pprint({1: "int", "s": "str", 2.5: "float", (1,): "tuple", None: "none", b"b": "bytes"})
pprint.pprint({"a": 1, 2: "b"}, width=1)
pprint.pprint(["x" * 10, ("y" * 10,), ["z" * 10]], width=1)
pprint.pprint({"nums": [10**9, 2**40, -12345678]}, underscore_numbers=True, width=20)
pprint.pprint([{"a": [{"b": [{"c": 1}]}]}], depth=2)
pprint.pprint([{"a": [{"b": [{"c": 1}]}]}], depth=4, width=10)
print(pprint.pformat(set("abcdefghij"), width=20))
print(pprint.pformat(tuple(range(3)), width=1), pprint.pformat((1,), width=1))
print(pprint.PrettyPrinter(indent=0, width=10).pformat({"k": [1, 2, 3, 4]}))
