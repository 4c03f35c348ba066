a = [1, 2]
b = (3, 4)
print([*a, *b], (*a, 0), {*a, *b})
print({**{"x": 1}, **{"y": 2, "x": 3}})
print(*a, sep="-")
print(*"abc", *range(3))
def f(*args):
    return args
print(f(*a, *b, 5))
print([*range(3), *"xy"])
first, *_ = [*a, *b]
print(first, _)
nested = [[1, 2], [3]]
print([*nested[0], *nested[1]])
t = *a, *b
print(t, type(t).__name__)
