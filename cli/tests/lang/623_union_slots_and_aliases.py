# type.__or__ / __ror__ are slot wrappers in type.__dict__; generic aliases and type aliases
# take part in unions, generic aliases compare and hash by origin and arguments.
print(type.__dict__['__or__'], type.__dict__['__ror__'])
print('__or__' in type.__dict__, '__ror__' in type.__dict__)
print(type.__or__(int, str), type.__ror__(int, str), type.__or__(int, 5), type.__ror__(int, 5))
print(type.__or__(int, None), int.__or__ is type.__or__)
print(int | str == type.__or__(int, str))
u = int | str
print(type(u).__or__, type(u).__ror__, u.__or__(None), u.__ror__(None), u.__or__(3))
print(list[int] | None, None | list[int], int | list[int], dict[str, int] | None | int)
print(list[int] | list[int], list[int] | list[str], list[int] | None | list[int])
print((list[int] | None).__args__, (tuple[int, ...] | set[str]).__args__)
print(list[int] == list[int], list[int] != list[int], list[int] == list[str], list[int] == list)
print(hash(list[int]) == hash(list[int]), hash(list[int]) == hash(list) ^ hash((int,)))
print(dict[str, list[int]] == dict[str, list[int]], {list[int]: 1}[list[int]])
print((list[int] | None) == (None | list[int]), hash(list[int] | None) == hash(None | list[int]))
type Alias = int | str
print(Alias | None, None | Alias, (Alias | None).__args__, Alias.__value__)
type Pair = tuple[int, int]
print(Pair | list[int], type(Pair | None).__name__)
def annotated(a: list[int] | None, b: dict[str, int | None] | int = 0) -> tuple[int, ...] | None:
    pass
for k, v in annotated.__annotations__.items():
    print(k, v, type(v).__name__)
