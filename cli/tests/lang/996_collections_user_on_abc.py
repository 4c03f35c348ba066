# UserDict, UserList, UserString and ChainMap are collections.abc classes, with their mixins.
from collections import UserDict, UserList, UserString, ChainMap
from collections.abc import MutableMapping, MutableSequence, Sequence, Mapping, Hashable
print(UserDict.__mro__, UserList.__bases__, UserString.__bases__, ChainMap.__bases__)
print(issubclass(UserDict, Hashable), UserList.__hash__, UserDict.__reversed__, UserString.__hash__ is not None)
d = UserDict(a=1)
print(d.keys(), d.items(), d.values(), d == {"a": 1}, d == UserDict(a=1), d == ChainMap({"a": 1}))
d.update(b=2); print(d.setdefault("c", 3), d.pop("a"), d.popitem(), d, len(d))
print(UserDict.keys is Mapping.keys, UserDict.update is MutableMapping.update, UserDict.get is Mapping.get)
class Missing(UserDict):
    def __missing__(self, key): return key * 2
m = Missing(x=1)
print(m["y"], m.get("y"), "y" in m, m.pop("x"), m.setdefault("z", 0), m)
l = UserList([3, 1, 2])
print(list(reversed(l)), l.index(1), l.count(2), l + [4], l[1:], isinstance(l, MutableSequence))
l.extend(l); l += (9,); print(l, l.pop(), l)
print(UserList.__iter__ is Sequence.__iter__, UserList.__reversed__ is Sequence.__reversed__)
s = UserString("héllo")
print(list(s), list(reversed(s)), "l" in s, s.index("l"), s.count("l"), isinstance(s, Sequence))
print(UserString.__iter__ is Sequence.__iter__, s[1:3], type(next(iter(s))).__name__)
c = ChainMap({"a": 1}, {"a": 0, "b": 2})
print(c.keys(), list(c.items()), list(c.values()), c == {"a": 1, "b": 2}, c.get("b"))
c.update(z=26); print(c.setdefault("y", 25), c.maps, c | UserDict(q=1))
print(UserDict(q=1) | {"r": 2}, {"r": 2} | c, dict(c) == dict(c.items()))
for bad in (lambda: c | [1], lambda: hash(d), lambda: hash(l), lambda: reversed(d)):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
print(sorted(n for n in set(dir(UserDict)) - set(dir(dict)) if not n.startswith("_abc")))
def kind(x):
    match x:
        case {"a": v}: return f"mapping a={v}"
        case [a, b]: return f"seq2 {a} {b}"
        case _: return "other"
print([kind(x) for x in (UserDict(a=2), UserList([5, 6]), UserString("ab"), ChainMap({"a": 3}), "ab", memoryview(b"ab"), {"a": 1}, Missing())])
