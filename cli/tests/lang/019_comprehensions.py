import sys

squares = [x * x for x in range(10)]
print(squares)
evens = [x for x in range(20) if x % 2 == 0 if x % 3 == 0]
print(evens)
pairs = [(x, y) for x in range(3) for y in range(x)]
print(pairs)
d = {x: x ** 2 for x in range(5)}
print(d)
s = {x % 4 for x in range(10)}
print(s)
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print(matrix, [row[i] for i, row in enumerate(matrix)])
print(sys.getsizeof(squares), sys.getsizeof(list(range(10))))
x = "outer"
print([x for x in "ab"], x)
print([len(w) for w in "the quick brown fox".split()])
flat = [c for row in matrix for c in row]
print(flat)
