import weakref
import sys

class Node:
    def __init__(self, name):
        self.name = name

n = Node("a")
r = weakref.ref(n)
print(r() is n, r().name, sys.getrefcount(n))
print(weakref.getweakrefcount(n))
del n
print(r())
cache = weakref.WeakValueDictionary()
x = Node("x")
cache["x"] = x
print(len(cache), cache["x"].name)
del x
print(len(cache), "x" in cache)
def gone(ref):
    print("callback: referent gone")
y = Node("y")
ry = weakref.ref(y, gone)
del y
print("after del")
try:
    weakref.ref([1, 2])
except TypeError as e:
    print("TypeError:", e)
