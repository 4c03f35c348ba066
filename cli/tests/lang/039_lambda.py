import sys

square = lambda x: x * x
print(square(5), square.__name__)
add = lambda a, b=10: a + b
print(add(1), add(1, 2))
print((lambda *a, **k: (a, k))(1, 2, z=3))
print(sorted([(1, "b"), (2, "a")], key=lambda p: p[1]))
print(list(map(lambda x: x + 1, [1, 2])), list(filter(lambda x: x % 2, range(6))))
make = lambda n: lambda x: x * n
double = make(2)
print(double(21), make(3)(3))
print((lambda: 42)(), (lambda x, /, *, y: x - y)(10, y=3))
print(sys.getsizeof(square) == sys.getsizeof(add))
print(type(square).__name__, square.__code__.co_name)
ops = {"+": lambda a, b: a + b, "*": lambda a, b: a * b}
print(ops["+"](2, 3), ops["*"](2, 3))
