# Mapping and MutableMapping give a user class with a few methods the rest of dict's API.
from collections.abc import Mapping, MutableMapping, KeysView, ItemsView, ValuesView
class Frozen(Mapping):
    def __init__(self, **kw): self._d = dict(kw)
    def __getitem__(self, key): return self._d[key]
    def __iter__(self): return iter(self._d)
    def __len__(self): return len(self._d)
    def __repr__(self): return f"{type(self).__name__}({self._d})"
f = Frozen(a=1, b=2)
print(f.get("a"), f.get("z"), f.get("z", 0), "a" in f, "z" in f, len(f))
print(f.keys(), f.items(), f.values(), list(f.keys()), list(f.items()), list(f.values()))
print(isinstance(f.keys(), KeysView), isinstance(f.items(), ItemsView), isinstance(f.values(), ValuesView))
print(f == {"a": 1, "b": 2}, f == {"a": 1}, f == [1], f != {"b": 2, "a": 1})
print(f.keys() & {"a", "c"}, f.keys() | {"c"} == {"a", "b", "c"}, sorted(f.keys() - {"a"}))
print(("a", 1) in f.items(), ("a", 2) in f.items(), 2 in f.values(), 5 in f.values())
print(f.keys() == {"a", "b"}, f.items() <= {("a", 1), ("b", 2), ("c", 3)}, len(f.values()))
print(Frozen.__reversed__, Frozen.__hash__)
for bad in (reversed, hash):
    try:
        bad(f)
    except TypeError as e:
        print("TypeError:", e)
class Store(Frozen, MutableMapping):
    def __setitem__(self, key, value): self._d[key] = value
    def __delitem__(self, key): del self._d[key]
s = Store()
s.update({"x": 1}, y=2)
s.update([("z", 3)])
s.update(f)
print(s, s.setdefault("x", 9), s.setdefault("w", 4), s)
print(s.pop("x"), s.pop("nope", None), s)
for bad in (lambda: s.pop("nope"), s.popitem, s.clear, s.popitem):
    try:
        print(bad(), s)
    except KeyError as e:
        print("KeyError:", repr(e))
print(sorted(name for name in dir(MutableMapping) if not name.startswith("_")))
print(Store.__mro__[1:4], sorted(Store.__abstractmethods__))
