# Instances of a subclass of list: results of the base type, sizes, slots, weak references.
import sys, gc, weakref
class L(list): pass
class LS(list): __slots__ = ()
l = L([3, 1, 2])
for v in (l[:], l + [4], l * 2, l.copy(), list(l), sorted(l), [x for x in l], list(reversed(l))):
    print(v, type(v).__name__)
l.sort(); l.append(9); l += [5]; l *= 1
print(l, type(l).__name__, len(l), 9 in l, l.index(9), l == [1, 2, 3, 9, 5])
print(sys.getsizeof(L()), sys.getsizeof(LS()), sys.getsizeof(L([1, 2])), sys.getsizeof(LS([1, 2])), gc.is_tracked(LS()))
print(L.__basicsize__, L.__dictoffset__, L.__weakrefoffset__, LS.__dictoffset__, LS.__weakrefoffset__)
print(weakref.ref(l)() is l)
try: LS().x = 1
except AttributeError as e: print(e)
try: weakref.ref(LS())
except TypeError as e: print(e)
class M(L):
    def __init__(self, n):
        self.extend(range(n))
print(M(3), type(M(3)).__name__, L(), L("ab"))
try: L(1, 2)
except TypeError as e: print(e)
a, b = L([1, 2]); print(a, b, *L([7]))
