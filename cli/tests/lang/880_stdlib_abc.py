import abc
from abc import ABC, ABCMeta, abstractmethod
class Base(ABC):
    @abstractmethod
    def f(self): ...
    @property
    @abstractmethod
    def p(self): ...
    @classmethod
    @abstractmethod
    def c(cls): ...
print(sorted(Base.__abstractmethods__))
class Half(Base):
    def f(self): return 1
try: Half()
except TypeError as e: print(e)
class Full(Half):
    p = 3
    @classmethod
    def c(cls): return 2
print(Full().f(), Full.p, Full.c(), Full.__abstractmethods__)
class Sized(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized:
            return any("__len__" in B.__dict__ for B in C.__mro__)
        return NotImplemented
print(issubclass(list, Sized), issubclass(int, Sized), isinstance("x", Sized))
class R(ABC): pass
R.register(int)
print(issubclass(int, R), isinstance(3, R), issubclass(bool, R), issubclass(str, R))
print(R.register(float) is float)
try: R.register(3)
except TypeError as e: print(e)
try: int.register
except AttributeError as e: print(e)
print(type(ABC), ABC.__abstractmethods__, abc.get_cache_token() > 0)
class M(metaclass=ABCMeta):
    @abstractmethod
    def a(self): pass
    @abstractmethod
    def b(self): pass
try: M()
except TypeError as e: print(e)
M.a = lambda self: 1
abc.update_abstractmethods(M)
print(M.__abstractmethods__)
try: issubclass(3, R)
except TypeError as e: print(e)
class X(R): pass
try: R.register(X)
except RuntimeError as e: print("no", e)
print(R.register(X))
try: X.register(R)
except RuntimeError as e: print(e)
print(abstractmethod(lambda: 1).__isabstractmethod__)
