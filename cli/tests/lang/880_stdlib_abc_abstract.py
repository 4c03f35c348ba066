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
print(abstractmethod(lambda: 1).__isabstractmethod__)
