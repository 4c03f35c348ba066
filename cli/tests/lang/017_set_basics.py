import sys

s = set()
print(sys.getsizeof(s))
for i in range(5):
    s.add(i)
print(s, sys.getsizeof(s))
s.add(2)
print(len(s))
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, a ^ b)
print(a <= {1, 2, 3, 4, 5}, {1} < a, a.isdisjoint({9}))
s.discard(100)
s.remove(0)
print(s)
try:
    s.remove(100)
except KeyError as e:
    print("KeyError", e)
f = frozenset([1, 2, 2])
print(f, sys.getsizeof(f), hash(frozenset()) == hash(frozenset()))
print({x % 3 for x in range(10)})
print(sorted({5, 1, 3}), set([3, 3, 1]))
