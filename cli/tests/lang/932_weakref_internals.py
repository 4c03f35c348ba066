# _weakref under weakref: _remove_dead_weakref, the counts, and copying weak references.
import _weakref
import copy
import weakref

class Obj:
    pass

o = Obj()
print(weakref.ref is _weakref.ref, weakref.getweakrefcount is _weakref.getweakrefcount)
print(_weakref, _weakref.getweakrefs, weakref.ref.__module__, weakref.ReferenceType.__name__)
r = weakref.ref(o)
print(copy.copy(r) is r, copy.deepcopy(r) is r, copy.deepcopy({"r": r})["r"] is r)
d = {"live": r, "other": 5}
dead = weakref.ref(Obj())
d["dead"] = dead
_weakref._remove_dead_weakref(d, "dead")
_weakref._remove_dead_weakref(d, "live")
_weakref._remove_dead_weakref(d, "missing")
print(sorted(d))
for args in ((1, 2), (d, "other"), (d,), ()):
    try:
        _weakref._remove_dead_weakref(*args)
    except TypeError as e:
        print("TypeError:", e)
for call in (lambda: weakref.getweakrefcount(), lambda: weakref.getweakrefs(1, 2)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
print(weakref.getweakrefcount(o), weakref.getweakrefs(o) == [r], weakref.getweakrefcount([]))
