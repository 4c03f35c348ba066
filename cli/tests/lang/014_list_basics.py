import sys

l = []
print(sys.getsizeof(l))
for i in range(10):
    l.append(i)
    print(len(l), sys.getsizeof(l))
l.insert(0, -1)
l.extend([10, 11])
print(l)
print(l.pop(), l.pop(0), l)
l.remove(5)
print(l.index(7), l.count(3), l)
l.reverse()
print(l)
l.sort()
print(l)
print(sys.getsizeof([1, 2, 3]), sys.getsizeof([None] * 100))
print(sys.getsizeof(list(range(10))))
