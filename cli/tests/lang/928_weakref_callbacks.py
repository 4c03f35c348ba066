# finalizers and weakref.ref callbacks: order, counts, errors.
import weakref
import gc

class Resource:
    def __init__(self, name):
        self.name = name

# several finalizers on one object run newest first, as weak reference callbacks do
u = Resource("u")
for i in range(3):
    weakref.finalize(u, print, "finalizer", i)
del u
# the bare callbacks of weakref.ref, and getweakrefcount/getweakrefs
v = Resource("v")
def cb(ref):
    print("callback", ref() is None, ref in refs)
refs = [weakref.ref(v, cb), weakref.ref(v, cb), weakref.ref(v)]
print(weakref.getweakrefcount(v), len(weakref.getweakrefs(v)), refs[2] is weakref.ref(v))
del v
print([r() for r in refs], weakref.getweakrefcount(5), weakref.getweakrefs(5))
try:
    weakref.finalize(5, print)
except TypeError as e:
    print("TypeError", e)
try:
    weakref.finalize()
except TypeError as e:
    print("TypeError", e)
print(weakref.ReferenceType is weakref.ref, "finalize" in weakref.__all__)
