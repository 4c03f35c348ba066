# The collector and built-in subclass instances: cycles, finalizers, weak references.
import gc, weakref


class Node(tuple):
    pass


class Table(dict):
    pass


class Tag(int):
    def __del__(self):
        print("del Tag", int(self))


class Bag(set):
    pass


gc.collect()
n = Node(([],)); n[0].append(n); del n
print(gc.collect())
t = Table(); t["self"] = t; del t
print(gc.collect())
u = Table(); u.me = u; del u
print(gc.collect())
x = Tag(7); x.me = x; del x
print(gc.collect())
Tag(4)
b = Bag()
r = weakref.ref(b, lambda ref: print("callback"))
b.me = b
del b
print(gc.collect(), r())
