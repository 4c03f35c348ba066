# collections.abc finds user classes by their methods (__subclasshook__), and by register().
from collections.abc import (Sized, Iterable, Iterator, Container, Hashable, Callable,
                             Collection, Reversible, Generator, Sequence, Mapping, Set)
class HasLen: __len__ = lambda self: 3
class HasIter: __iter__ = lambda self: iter([1, 2])
class HasAll(HasLen, HasIter): __contains__ = __call__ = lambda self, *a: True
class NoHash: __hash__ = None
class ItsIter: __iter__ = lambda self: self; __next__ = lambda self: next(iter(()))
class BlocksIter(HasIter): __iter__ = None
class Gen(ItsIter): send = throw = close = lambda self, *a: None
class Rev(HasIter): __reversed__ = lambda self: iter([2, 1])
abcs = (Sized, Iterable, Iterator, Container, Hashable, Callable, Collection, Reversible, Generator)
for cls in (HasLen, HasIter, HasAll, NoHash, ItsIter, BlocksIter, Gen, Rev):
    print(cls.__name__, [abc.__name__ for abc in abcs if issubclass(cls, abc)])
print(isinstance(HasAll(), Collection), isinstance(HasLen(), Sequence), isinstance(HasAll(), Set))
print(Sized.__subclasshook__(HasLen), Sequence.__subclasshook__(HasLen), Sized.__subclasshook__(int))
class Seq: __getitem__ = lambda self, i: i; __len__ = lambda self: 0
print(issubclass(Seq, Sequence))
print(Sequence.register(Seq) is Seq, issubclass(Seq, Sequence), isinstance(Seq(), Sequence))
print(issubclass(Seq, Reversible), issubclass(Seq, Collection), issubclass(Seq, Mapping))
@Mapping.register
class Reg: pass
print(Reg.__name__, issubclass(Reg, Mapping), issubclass(Reg, Sized), isinstance(Reg(), Collection))
print(Mapping.register(dict), Mapping.register(Reg))
for bad in (lambda: Sized.register(3), lambda: issubclass(3, Sized), lambda: Sequence.register(Set) and Set.register(Sequence)):
    try:
        bad()
    except (TypeError, RuntimeError) as e:
        print(type(e).__name__, e)
class Sub(Sequence):
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
    __len__ = lambda self: 3
print(issubclass(Sub, Sequence), Sub.__mro__[1:3], list(Sub()), Sub.__abstractmethods__)
print(issubclass(Sub, Hashable), hash(Sub()) is not None, issubclass(Sub, Set))
