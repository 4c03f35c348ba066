import typing as t
from typing import Any, Optional, Union, List, Dict, Tuple, Set, TypeVar, Generic, NamedTuple, cast, Protocol, runtime_checkable
class Point(NamedTuple):
    x: int
    y: int = 0
    def norm(self):
        return abs(self.x) + abs(self.y)
p = Point(3, -4)
print(p, p.norm(), Point(1), Point._fields, Point._field_defaults, Point.__annotations__, isinstance(p, tuple), type(p).__mro__)
Emp = NamedTuple('Emp', [('name', str), ('id', int)])
print(Emp('a', 1), Emp.__annotations__)
try:
    class Bad(NamedTuple):
        x: int = 1
        y: int
except TypeError as e: print(e)
@runtime_checkable
class Closable(Protocol):
    def close(self): ...
class F:
    def close(self): pass
print(isinstance(F(), Closable), isinstance(3, Closable))
class P2(Protocol):
    def m(self): ...
try: isinstance(F(), P2)
except TypeError as e: print(e)
try: P2()
except TypeError as e: print(e)
