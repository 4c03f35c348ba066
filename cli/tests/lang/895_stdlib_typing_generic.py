import typing as t
from typing import Any, Optional, Union, List, Dict, Tuple, Set, TypeVar, Generic, NamedTuple, cast, Protocol, runtime_checkable
T = t.TypeVar('T')
S = TypeVar('S', bound=int)
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
