import typing as t
from typing import Any, Optional, Union, List, Dict, Tuple, Set, TypeVar, Generic, NamedTuple, cast, Protocol, runtime_checkable
T = t.TypeVar('T')
S = TypeVar('S', bound=int)
C = TypeVar('C', int, str)
V = TypeVar('V', covariant=True)
print(S, S.__bound__, C.__constraints__, V, V.__covariant__, T.__name__, isinstance(T, TypeVar))
try: TypeVar('X', int)
except TypeError as e: print(e)
try: TypeVar('X', covariant=True, contravariant=True)
except ValueError as e: print(e)
def first(xs: List[T]) -> Optional[T]:
    return xs[0] if xs else None
print(t.get_type_hints(first), first.__annotations__)
print(t.get_origin(List[int]), t.get_args(Dict[str, int]), t.get_origin(int), t.get_args(int))
UserId = t.NewType('UserId', int)
print(UserId(5), UserId, UserId.__supertype__)
@t.overload
def f(x: int) -> int: ...
@t.overload
def f(x: str) -> str: ...
def f(x): return x
print(f(2), len(t.get_overloads(f)))
