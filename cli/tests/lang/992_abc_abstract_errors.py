# Classes that leave collections.abc's abstract methods unimplemented cannot be instantiated.
from collections.abc import (Sized, Iterable, Mapping, MutableMapping, Sequence, MutableSequence,
                             Set, MutableSet, Iterator, Generator, Callable, Hashable, Container)
for abc in (Sized, Iterable, Mapping, MutableMapping, Sequence, MutableSequence, Set,
            MutableSet, Iterator, Generator, Callable, Hashable, Container):
    try:
        abc()
    except TypeError as e:
        print(e)
class Half(Mapping):
    def __getitem__(self, key):
        return key
class HalfMut(MutableSequence):
    __getitem__ = lambda self, i: i
    __len__ = lambda self: 0
class It(Iterator):
    pass
for cls in (Half, HalfMut, It):
    try:
        cls()
    except TypeError as e:
        print(e)
print(sorted(HalfMut.__abstractmethods__))
class Whole(HalfMut):
    __setitem__ = __delitem__ = insert = lambda self, i, v=None: None
print(type(Whole()).__name__, Whole.__abstractmethods__)
class It2(Iterator):
    def __next__(self):
        raise StopIteration
i = It2()
print(iter(i) is i, list(i), It2.__abstractmethods__, Iterator.__abstractmethods__)
