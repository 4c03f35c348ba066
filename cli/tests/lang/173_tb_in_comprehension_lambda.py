import sys

data = [4, 2, 0, 1]
key = lambda x: 10 // x
print([key(v) for v in data[:2]])
print(sorted(data[:2], key=key))
squares = {v: v * v for v in data}
print(squares)
print(sys.getsizeof([v for v in data]))
results = [10 // v for v in data]
print(results)
