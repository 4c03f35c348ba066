import sys

def deep_size(obj, seen=None):
    seen = set() if seen is None else seen
    if id(obj) in seen:
        return 0
    seen.add(id(obj))
    size = sys.getsizeof(obj)
    if isinstance(obj, dict):
        size += sum(deep_size(k, seen) + deep_size(v, seen) for k, v in obj.items())
    elif isinstance(obj, (list, tuple, set, frozenset)):
        size += sum(deep_size(i, seen) for i in obj)
    return size

print(deep_size([]), deep_size([1, 2, 3]), deep_size([[1], [1]]))
print(deep_size({"a": [1.0, 2.0], "b": (3, 4)}))
shared = [0] * 10
print(deep_size([shared, shared]), deep_size([shared, list(shared)]))
record = {"name": "ann", "tags": ["x", "y"], "scores": (90, 85)}
print(sys.getsizeof(record), deep_size(record))
cyc = []
cyc.append(cyc)
print(deep_size(cyc))
