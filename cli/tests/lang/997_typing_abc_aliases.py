# typing's aliases of the collections.abc classes: reprs, origins, arguments, checks.
import typing
import collections.abc as cabc
from typing import (Iterable, Iterator, Sequence, MutableSequence, Mapping, MutableMapping,
                    AbstractSet, Callable, Hashable, Sized, Generator, Collection, get_args, get_origin)
print(Iterable, Iterable[int], Sequence[str], Mapping[str, int], AbstractSet[int], Generator[int, None, str])
print(typing.List[int], typing.Dict[str, typing.List[int]], MutableMapping[str, Sequence[int]])
print(Callable, Callable[[int, str], float], Callable[..., int], Callable[[], None])
print(get_origin(Iterable[int]), get_args(Mapping[str, int]), get_origin(Callable[[int], str]))
print(get_args(Callable[[int], str]), get_args(Callable[..., str]), Callable[[int], str].__args__)
print(isinstance([], Iterable), isinstance(3, Iterable), issubclass(dict, Mapping), issubclass(list, Mapping))
print(isinstance(len, Callable), isinstance({1}, AbstractSet), issubclass(tuple, MutableSequence))
print(cabc.Iterable[int], cabc.Mapping[str, int], cabc.Callable[[int], str], cabc.Callable[..., str])
print(cabc.Callable[[int], str].__args__, get_args(cabc.Callable[[int, bool], str]))
print(Iterable[int] == Iterable[int], Iterable[int] == Iterable[str], Iterable.__origin__)
for bad in (lambda: Hashable[int], lambda: Sized[int], lambda: Mapping[int], lambda: Callable[int],
            lambda: isinstance([], Iterable[int]), lambda: Iterable[int, str]):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
T = typing.TypeVar("T")
class Box(Sequence[T]):
    def __init__(self, *items): self.items = items
    def __getitem__(self, i): return self.items[i]
    def __len__(self): return len(self.items)
print(Box.__mro__, Box[int], list(Box(1, 2)), Box(3, 4).index(4))
print(cabc.Callable[[T, int], T][str], cabc.Callable[[list[T]], T][int], cabc.Callable[..., T][int])
print(cabc.Callable[[T], int].__parameters__, cabc.Callable[[T], T][bytes].__args__)
def f(xs: Iterable[int], key: Callable[[int], str]) -> Mapping[str, int]: pass
print(typing.get_type_hints(f))
print(sorted(n for n in typing.__all__ if isinstance(getattr(typing, n), typing._SpecialGenericAlias) and getattr(typing, n).__origin__.__module__ == "collections.abc"))
