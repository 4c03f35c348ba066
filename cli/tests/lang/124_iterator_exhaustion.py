numbers = iter([1, 2, 3, 4, 5])
print(next(numbers))
print(list(numbers))
print(list(numbers))
data = [1, 2, 3]
squares = map(lambda x: x * x, data)
print(3 in map(lambda x: x, data), 4 in squares, list(squares))
pairs = zip("abc", range(3))
first = next(pairs)
print(first, dict(pairs))
g = (i for i in range(3))
print(sum(g), sum(g))
it = iter("hello")
print("".join(c for c in it if c != "l"), list(it))
d = {1: "a", 2: "b"}
ki = iter(d)
print(next(ki))
d[3] = "c"
try:
    next(ki)
except RuntimeError as e:
    print("RuntimeError:", e)
