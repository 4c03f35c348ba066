# PEP 604: `X | Y` on types makes a types.UnionType (Objects/unionobject.c), flattened and
# deduplicated; annotations using it are evaluated at def time.
def f(x: int | None = None) -> list[int]:
    return [x or 0]
print(f(), f(3), f.__annotations__)
u = int | str
print(u, repr(u), type(u), type(u).__name__, type(u).__module__, u.__module__)
print(u.__args__, u.__parameters__, type(u.__args__))
print(int | None, None | int, type(None) | int, (int | None).__args__)
print(int | str | int, int | str | int | None | str, (int | str) | (str | bytes))
print(int | int, type(int | int), None | int | None)
print((int | str) | None, None | (int | str), u | u)
class A: pass
class B(A): pass
print(A | B, (A | B).__args__, B | int | A)
def g():
    class Local: pass
    return Local | None
print(g())
print(bool | int, int | bool, object | type)
print(f.__annotations__['x'] == (None | int), f.__annotations__['return'])
# equality and hash do not depend on the order
print((int | str) == (str | int), (int | str) != (str | int), (int | str) == (int | bytes))
print((int | str) == int, int == (int | str), (int | str) == (int | str | int))
print(hash(int | str) == hash(str | int), hash(int | str) == hash(frozenset({int, str})))
print(len({int | str, str | int, int | bytes}), {int | None: 1}[None | int])
print(u.__eq__(str | int), u.__ne__(3), u.__eq__(3), u.__hash__() == hash(u))
try:
    (int | str) < (int | str)
except TypeError as e:
    print(e)
try:
    (int | str) >= 3
except TypeError as e:
    print(e)
