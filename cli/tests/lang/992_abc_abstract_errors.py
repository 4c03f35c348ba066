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


try:
    Half()
except TypeError as e:
    print(e)


class HalfMut(MutableSequence):
    def __getitem__(self, i):
        return i

    def __len__(self):
        return 0


try:
    HalfMut()
except TypeError as e:
    print(e)
print(sorted(HalfMut.__abstractmethods__))


class Whole(HalfMut):
    def __setitem__(self, i, v):
        pass

    def __delitem__(self, i):
        pass

    def insert(self, i, v):
        pass


print(type(Whole()).__name__, Whole.__abstractmethods__)


class It(Iterator):
    pass


try:
    It()
except TypeError as e:
    print(e)


class It2(Iterator):
    def __next__(self):
        raise StopIteration


i = It2()
print(iter(i) is i, list(i))
