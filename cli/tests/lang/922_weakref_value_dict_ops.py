# WeakValueDictionary: | and |=, values that cannot be weakly referenced, repr.
import weakref
import gc

class Obj:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return f"Obj({self.name!r})"

d = weakref.WeakValueDictionary()
d = weakref.WeakValueDictionary()
c = Obj("c")
m = {"p": c}
u = d | m
print(type(u).__name__, list(u.keys()))
u2 = m | d
print(type(u2).__name__, list(u2.items()))
d |= {"q": c}
print(sorted(d.keys()))
try:
    d | 5
except TypeError as e:
    print("TypeError", e)
# values that cannot be weakly referenced
try:
    d["n"] = 5
except TypeError as e:
    print("TypeError", e)
try:
    hash(d)
except TypeError as e:
    print("TypeError", e)
print(repr(d).startswith("<WeakValueDictionary at 0x"))
w = weakref.WeakValueDictionary({"c": c}, extra=c)
print(sorted(w.keys()))
