def first[T](items: list[T]) -> T:
    return items[0]
def pair[K, V](k: K, v: V) -> tuple[K, V]:
    return (k, v)
print(first([3, 2, 1]), first.__type_params__, pair.__type_params__, [p.__name__ for p in pair.__type_params__])
print(first.__annotations__, pair.__annotations__)
def bounded[N: int, S: (str, bytes), *Ts, **P](x: N) -> N:
    return x
n, s, ts, p = bounded.__type_params__
print(n, s, ts, p, type(n).__name__, type(ts).__name__, type(p).__name__)
print(n.__bound__, n.__constraints__, s.__bound__, s.__constraints__, n.__infer_variance__, n.__covariant__, p.__bound__)
def lazy[X: Missing]():
    pass
(x,) = lazy.__type_params__
try:
    x.__bound__
except NameError as e:
    print("NameError:", e)
Missing = float
print(x.__bound__)
type Pair[A, B] = tuple[A, B]
print(Pair, Pair.__type_params__, Pair.__value__, Pair[int, str], Pair.__value__.__parameters__)
type Plain = int
try:
    Plain[int]
except TypeError as e:
    print("TypeError:", e)
print(Plain.__value__, Plain.__type_params__, Plain.__name__, Plain.__module__)
g = list[int]
print(g, g.__origin__, g.__args__, g.__parameters__, dict[str, list[int]], tuple[()], tuple[int, ...], type[int])
class C:
    pass
print(list[C], dict[C, "x"])
