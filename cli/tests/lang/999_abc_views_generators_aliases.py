# collections.abc's views, Generator/Iterator mixins, ByteString, Buffer and subscripted ABCs.
import collections.abc as cabc
from collections.abc import KeysView, ItemsView, ValuesView, MappingView, Generator, Iterator
d = {"a": 1, "b": 2}
k, i, v = KeysView(d), ItemsView(d), ValuesView(d)
print(k, i, v, len(k), list(k), list(i), list(v), MappingView(d), len(MappingView([1, 2])))
print(k & {"a"}, k | {"c"} == {"a", "b", "c"}, i - {("a", 1)}, 2 in v, ("b", 2) in i, k == d.keys())
print(type(k & {"a"}).__name__, KeysView._from_iterable([1]), isinstance(d.keys(), KeysView), isinstance(k, MappingView))
print(KeysView.__slots__, MappingView.__slots__, hasattr(k, "__dict__"), k._mapping is d)
class Countdown(Generator):
    def __init__(self, n): self.n = n
    def send(self, value):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
    def throw(self, typ, val=None, tb=None):
        super().throw(typ, val, tb)
g = Countdown(3)
print(next(g), list(g), iter(g) is g, g.close(), isinstance(g, Iterator))
for args in ((ValueError,), (ValueError, ValueError("v")), (KeyError, None, None)):
    try:
        Countdown(1).throw(*args)
    except Exception as e:
        print(type(e).__name__, repr(e))
class Stubborn(Countdown):
    def throw(self, *a): return 1
try:
    Stubborn(1).close()
except RuntimeError as e:
    print("RuntimeError:", e)
print(issubclass(bytes, cabc.ByteString), issubclass(bytearray, cabc.ByteString), issubclass(list, cabc.ByteString))
print(issubclass(bytes, cabc.Buffer), issubclass(str, cabc.Buffer), issubclass(type("B", (), {"__buffer__": lambda s, f: 0}), cabc.Buffer))
print(cabc.Sequence[int], cabc.MutableMapping[str, list[int]], cabc.Generator[int, None, None], cabc.Set[int])
print(cabc.Iterable[int].__origin__, cabc.Iterable[int].__args__, cabc.Callable[[int], str] == cabc.Callable[[int], str])
for bad in (lambda: isinstance([], cabc.Iterable[int]), lambda: cabc.Callable[int], lambda: cabc.Callable[3, int]):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
