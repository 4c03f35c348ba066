import sys

a = [1, 2, 3]
print(sys.getrefcount(a))
b = a
print(sys.getrefcount(a))
c = [a, a]
print(sys.getrefcount(a))
d = {"k": a}
print(sys.getrefcount(a))
del b
print(sys.getrefcount(a))
c.clear()
print(sys.getrefcount(a))
d.pop("k")
print(sys.getrefcount(a))
def f(x):
    return sys.getrefcount(x)
print(f(a))
obj = object()
print(sys.getrefcount(obj))
t = (obj, obj, obj)
print(sys.getrefcount(obj))
