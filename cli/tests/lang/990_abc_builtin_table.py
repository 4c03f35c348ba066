# Which collections.abc ABCs the built-in types are (issubclass) and their instances (isinstance).
import collections.abc as cabc
from collections import Counter

print(cabc.__name__, cabc.Mapping.__module__, len(cabc.__all__))

samples = [1, 1.5, 2j, True, "s", b"b", bytearray(b"x"), [1], (1,), {1: 2}, {1}, frozenset({1}),
           range(3), memoryview(b"m"), None, Counter("ab"), iter([]), iter(()), iter(""),
           iter(b""), iter(bytearray()), iter({}), iter({}.values()), iter({}.items()),
           iter(set()), iter(range(2)), iter(range(1 << 100)), reversed([]), zip(),
           {}.keys(), {}.values(), {}.items(), (x for x in ()), len, lambda: 0, int, object(),
           slice(1), map(abs, []), enumerate([]), filter(None, [])]
names = ["Hashable", "Iterable", "Iterator", "Generator", "Reversible", "Sized", "Container",
         "Callable", "Collection", "Set", "MutableSet", "Mapping", "MutableMapping",
         "MappingView", "KeysView", "ItemsView", "ValuesView", "Sequence", "MutableSequence",
         "Buffer", "Awaitable", "Coroutine", "AsyncIterable", "AsyncIterator", "AsyncGenerator"]
abcs = [getattr(cabc, n) for n in names]
print(" " * 24 + "".join(n[:3] for n in names))
for obj in samples:
    t = type(obj)
    row = "".join(" T " if issubclass(t, a) else " . " for a in abcs)
    print(f"{t.__name__:24}{row}")
    inst = [isinstance(obj, a) for a in abcs]
    if inst != [issubclass(t, a) for a in abcs]:
        print("  isinstance differs:", inst)

print(issubclass(list, (cabc.Mapping, cabc.Sequence)), isinstance({}, (int, cabc.Sized)))
print(cabc.Iterator.__abstractmethods__, cabc.Mapping.__abstractmethods__ == {"__getitem__", "__iter__", "__len__"})
print(sorted(cabc.MutableSequence.__abstractmethods__))
print(sorted(cabc.MutableMapping.__abstractmethods__), sorted(cabc.MutableSet.__abstractmethods__))
print(cabc.Sequence.__mro__)
print(cabc.KeysView.__mro__)
print(cabc.Generator.__bases__, cabc.Collection.__bases__, cabc.ValuesView.__bases__)
print(cabc.Sized.__slots__, cabc.MappingView.__slots__, cabc.Mapping.__reversed__)
