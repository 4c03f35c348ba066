# Built-in subclass instances under stress: resurrection in __del__, classes freed while
# instances live, cycles collected, containers mutated while iterated.
import gc, sys
class I(int): pass
class D(dict): pass
class T(tuple): pass
class S(str): pass
class St(set): pass
class R(I):
    def __del__(self):
        global keep
        keep = self
r = R(5); del r; print(keep, type(keep).__name__)
del keep
def make():
    class K(D): pass
    k = K(a=1); k.self = k
    return k
for i in range(50):
    make()
print(gc.collect() > 0)
class K2(T): pass
objs = [K2((i, [i])) for i in range(100)]
del K2
print(len(objs), type(objs[0]).__name__)
del objs
d = D(a=1, b=2)
try:
    for k in d:
        d["c"] = 3
except RuntimeError as e:
    print(e)
st = St([1, 2])
try:
    for k in st:
        st.add(9)
except RuntimeError as e:
    print(e)
class E(Exception): pass
try:
    class Both(int, str): pass
except TypeError as e:
    print("TypeError")
x = S("a" * 1000); y = x + x; print(len(y), sys.getsizeof(S("a" * 1000)))
z = I(2) ** 200; print(type(z).__name__, I(-5) // I(2), I(7) >> 1, divmod(I(7), 2))
print(sorted([I(3), 1, I(2)]), {I(1), 1, T((1,)), (1,)}, max(S("a"), "b"))
gc.collect()
