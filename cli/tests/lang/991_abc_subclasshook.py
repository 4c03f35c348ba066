# collections.abc finds user classes by their methods (__subclasshook__), and by register().
from collections.abc import (Sized, Iterable, Iterator, Container, Hashable, Callable,
                             Collection, Reversible, Generator, Sequence, Mapping, Set)


class HasLen:
    def __len__(self):
        return 3


class HasIter:
    def __iter__(self):
        return iter([1, 2])


class HasAll(HasLen, HasIter):
    def __contains__(self, x):
        return x == 1

    def __call__(self):
        return "called"


class NoHash:
    __hash__ = None


class ItsIter:
    def __iter__(self):
        return self

    def __next__(self):
        raise StopIteration


class BlocksIter(HasIter):
    __iter__ = None


class Gen(ItsIter):
    def send(self, v):
        pass

    def throw(self, *a):
        pass

    def close(self):
        pass


class Rev(HasIter):
    def __reversed__(self):
        return iter([2, 1])


for cls in (HasLen, HasIter, HasAll, NoHash, ItsIter, BlocksIter, Gen, Rev):
    print(cls.__name__, [abc.__name__ for abc in (Sized, Iterable, Iterator, Container, Hashable,
                                                  Callable, Collection, Reversible, Generator)
                         if issubclass(cls, abc)])

print(isinstance(HasAll(), Collection), isinstance(HasLen(), Sequence), isinstance(HasAll(), Set))
print(Sized.__subclasshook__(HasLen), Sequence.__subclasshook__(HasLen), Sized.__subclasshook__(int))


class Seq:
    def __getitem__(self, i):
        return i

    def __len__(self):
        return 0


print(issubclass(Seq, Sequence))
print(Sequence.register(Seq) is Seq, issubclass(Seq, Sequence), isinstance(Seq(), Sequence))
print(issubclass(Seq, Reversible), issubclass(Seq, Collection), issubclass(Seq, Mapping))


@Mapping.register
class Reg:
    pass


print(Reg.__name__, issubclass(Reg, Mapping), issubclass(Reg, Sized), isinstance(Reg(), Collection))
print(Mapping.register(dict), Mapping.register(Reg))
try:
    Sized.register(3)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(3, Sized)
except TypeError as e:
    print("TypeError:", e)


class Sub(Sequence):
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10

    def __len__(self):
        return 3


print(issubclass(Sub, Sequence), Sub.__mro__[1:3], list(Sub()), Sub.__abstractmethods__)
print(issubclass(Sub, Hashable), hash(Sub()) is not None)
