# WeakKeyDictionary with keys that are equal but distinct: a dead key never equals a live one.
import weakref
import gc
class Same:
    def __eq__(self, other):
        return isinstance(other, Same)
    def __hash__(self):
        return 7
s1, s2 = Same(), Same()
e = weakref.WeakKeyDictionary({s1: "first"})
e[s2] = "second"
print(len(e), e[s1])
del s1
print(len(e), list(e.values()))
u = e | {s2: "third"}
print(type(u).__name__, list(u.values()))
e |= {s2: "fourth"}
print(e[s2])
r = {} | e
print(type(r).__name__, len(r))
e.clear()
print(len(e), repr(e).startswith("<WeakKeyDictionary at 0x"))
