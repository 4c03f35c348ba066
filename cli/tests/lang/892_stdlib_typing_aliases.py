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
