import abc
from abc import ABC, ABCMeta, abstractmethod
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
try: issubclass(3, R)
except TypeError as e: print(e)
class X(R): pass
try: R.register(X)
except RuntimeError as e: print("no", e)
print(R.register(X))
try: X.register(R)
except RuntimeError as e: print(e)
