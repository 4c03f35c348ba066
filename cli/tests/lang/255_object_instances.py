import sys, gc
o = object()
print(type(o), sys.getsizeof(o), gc.is_tracked(o), sys.getrefcount(o), o == o, o != object(), hash(o) == hash(o))
try:
    o.x = 1
except AttributeError as e:
    print(e)
try:
    object(1)
except TypeError as e:
    print(e)
print(repr(o).startswith("<object object at 0x"), str(o) == repr(o), bool(o))
s = {o, o}
print(len(s), o in [o], isinstance(o, object))
d = {o: 1}
print(d[o])
del o
sentinel = object()
def f(x=sentinel):
    return x is sentinel
print(f(), f(1))
print(dir(object())[:3] if False else "skip")
