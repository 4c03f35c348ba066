import sys

items = [1, 2, 3, 4, 5]
frozen = tuple(items)
print(sys.getsizeof(items), sys.getsizeof(frozen))
for n in (0, 1, 5, 10, 100):
    print(n, sys.getsizeof(list(range(n))), sys.getsizeof(tuple(range(n))))
nested_l = [[0] * 3 for _ in range(3)]
nested_t = tuple(tuple(r) for r in nested_l)
print(sys.getsizeof(nested_l), sys.getsizeof(nested_t))
print(sum(sys.getsizeof(r) for r in nested_l), sum(sys.getsizeof(r) for r in nested_t))
t = (1, 2, 3)
print(tuple(t) is t, t[:] is t, list(items) is items)
