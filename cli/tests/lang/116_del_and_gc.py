import gc
import sys

class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

gc.collect()
a = Node("a")
b = Node("b")
a.other, b.other = b, a
print(sys.getrefcount(a), sys.getrefcount(b))
del a, b
print(gc.collect())
x = Node("x")
print(sys.getrefcount(x))
holder = [x, x]
del holder[0]
print(sys.getrefcount(x))
del holder[:]
print(sys.getrefcount(x))
l = [Node(str(i)) for i in range(5)]
del l[::2]
print([n.name for n in l])
print(gc.collect())
