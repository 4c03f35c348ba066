# json.dumps: scalars, containers, separators, indentation, sorted keys, key conversion,
# ensure_ascii with surrogate pairs, NaN and the infinities, and default for other objects.
import json

print(json.dumps([None, True, False, 0, -7, 10**20, 1.5, 3.0, 1e100, -1e-07, -0.0, "s"]))
print(json.dumps({"b": [1, 2, {"x": None}], "a": (True, False)}))
print(json.dumps({1.5: "f", None: "n", True: "t", 2: "i", "s": "s"}))
print(json.dumps({"z": 1, "a": [1.5, 2]}, sort_keys=True, separators=(",", ":")))
print(json.dumps({"k": [1, {"n": []}], "e": {}}, indent=2))
print(json.dumps([[], {}, [1]], indent="\t"))
print(json.dumps([1, [2]], indent=0))
print(json.dumps("é\U0001f600\n\t\x00\"\\/"), json.dumps("é\U0001f600", ensure_ascii=False))
print(json.dumps([float("nan"), float("inf"), float("-inf")]))
print(json.dumps({"s": {3, 1, 2}}, default=sorted), json.dumps(range(3), default=list))
print(json.dumps({(1, 2): 3, "ok": 1}, skipkeys=True))
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {"x": o.x, "y": o.y}
        return super().default(o)
print(json.dumps([Point(1, 2)], cls=PointEncoder))
print(list(json.JSONEncoder(indent=1).iterencode({"a": [1]})))
for bad, kwargs in [(float("nan"), {"allow_nan": False}), ({(1, 2): 3}, {}), (object(), {}),
                    (Point(0, 0), {"cls": PointEncoder, "default": None})]:
    try:
        json.dumps(bad, **kwargs)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
loop = []
loop.append(loop)
try:
    json.dumps(loop)
except ValueError as e:
    print("ValueError", e)
