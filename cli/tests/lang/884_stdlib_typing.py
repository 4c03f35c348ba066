import typing as t
from typing import Any, Optional, Union, List, Dict, Tuple, Set, TypeVar, Generic, NamedTuple, cast, Protocol, runtime_checkable
print(t.Any, repr(t.Optional), t.Optional[int], t.Union[int, str], t.Union[int], t.Union[int, None], t.Union[None, int], t.List, t.List[int], t.Dict[str, t.List[int]], t.Tuple[int, ...], t.Tuple[()], t.ClassVar[int], t.Literal[1, 'a'], t.Final[int], t.Type[int], t.Set, t.FrozenSet[int])
print(t.Optional[int] == t.Union[int, None], t.List[int].__origin__, t.List[int].__args__, t.Union[int,str].__args__, t.Optional[t.List[int]])
T = t.TypeVar('T')
print(T, t.List[T], t.List[T][int], t.Dict[str, T].__parameters__, t.Generic[T])
class Box(t.Generic[T]):
    pass
print(Box[int], Box.__parameters__, Box.__orig_bases__, Box.__mro__, Box[int]().__orig_class__)
print(t.cast(int, 'x'), t.TYPE_CHECKING, t.Union[int, t.Union[str, int]])
try: isinstance(1, t.List[int])
except TypeError as e: print(e)
print(isinstance([], t.List), isinstance(3, t.Union[int, str]))
try: t.Union[()]
except TypeError as e: print(e)
try: t.Any()
except TypeError as e: print(e)
try: isinstance(1, t.Any)
except TypeError as e: print(e)
print(type(t.Any), t.NoReturn, t.Optional, t.Union[int, str] | None)
print(t.List[int] == t.List[int], hash(t.List[int]) == hash(t.List[int]), t.Union[int, str] == t.Union[str, int])
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
class Pair(Generic[T, S]):
    def __init__(self, a: T, b: S):
        self.a, self.b = a, b
print(Pair[int, bool], Pair.__parameters__, Pair(1, 2).a)
try: Pair[int]
except TypeError as e: print(e)
try:
    class Bad2(Generic[T], Generic[S]): pass
except TypeError as e: print(e)
try: Generic[int]
except TypeError as e: print(e)
print(t.Tuple[int, str], t.DefaultDict[str, int], t.Deque[int], t.Counter[str], Dict[str, List[int]])
try: List[int]()
except TypeError as e: print(e)
class Node[X]:
    def __init__(self, v: X): self.v = v
print(Node[int], Node[str](2).v, Node.__type_params__, Node.__parameters__, Node.__orig_bases__)
for args, kw in [((), {}), ((3,), {}), (("X",), {"q": 1}), (("X", int, str), {"bound": int}), (("X",), {"covariant": True, "infer_variance": True})]:
    try: TypeVar(*args, **kw)
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
try: t.ParamSpec('P', int)
except TypeError as e: print(e)
print(repr(t.ParamSpec('P')), t.TypeVarTuple('Ts'), t.TypeVar('T', contravariant=True), t.TypeVar('T', infer_variance=True))
