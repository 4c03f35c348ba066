import sys

m = map(str.upper, ["a", "b"])
print(type(m).__name__, sys.getsizeof(m))
print(list(m), list(m))
print(list(map(pow, [2, 3], [3, 2])))
print(list(map(lambda x, y: x + y, "ab", "cde")))
f = filter(lambda n: n % 3 == 0, range(10))
print(type(f).__name__, sys.getsizeof(f))
print(list(f))
print(list(filter(None, [0, "", None, 1, "x", [], [0]])))
squares_of_odds = map(lambda x: x * x, filter(lambda x: x % 2, range(8)))
print(sum(squares_of_odds))
calls = []
def traced(x):
    calls.append(x)
    return x * 2
lazy = map(traced, [1, 2, 3])
print(calls)
print(next(lazy), calls)
