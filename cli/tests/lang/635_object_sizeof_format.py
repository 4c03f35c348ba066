# object.__sizeof__ and object.__format__, reached by instances of every type that has no
# method of its own: basicsize plus items, str(self) for an empty spec, CPython's errors.
class C: pass
class S:
    __slots__ = ('a', 'b')
class L(list): pass
class I(int): pass
class T(tuple): pass
print(C().__sizeof__(), S().__sizeof__(), object().__sizeof__())
print([].__sizeof__(), (1,2).__sizeof__(), "abc".__sizeof__(), (10**30).__sizeof__(), 1.5.__sizeof__())
print({}.__sizeof__(), set().__sizeof__(), b"ab".__sizeof__(), (1j).__sizeof__(), range(3).__sizeof__())
print(L([1,2]).__sizeof__(), I(5).__sizeof__(), T((1,2,3)).__sizeof__(), None.__sizeof__(), True.__sizeof__())
print(format(C(), "")[:20], object().__format__("")[:8], (1,2).__format__(""), [1].__format__(""))
m = C().__sizeof__
print(m(), type(m).__name__)
for bad in [lambda: C().__sizeof__(1), lambda: C().__format__("x"), lambda: C().__format__(1), lambda: (1,).__format__("d"), lambda: C().__format__()]:
    try: bad()
    except TypeError as e: print("TypeError", e)
class Z:
    def __sizeof__(self): return 99
import sys
print(Z().__sizeof__(), sys.getsizeof(Z()), sys.getsizeof(C()), sys.getsizeof(S()))
