import sys

s = set()
last = sys.getsizeof(s)
print("empty", last)
for i in range(60):
    s.add(i)
    size = sys.getsizeof(s)
    if size != last:
        print(f"{len(s):2} items -> {size}")
        last = size
print(sys.getsizeof(set(range(60))), sys.getsizeof(frozenset(range(60))))
print(sys.getsizeof({1, 2, 3}), sys.getsizeof(set([1, 2, 3])))
s.clear()
print(sys.getsizeof(s))
