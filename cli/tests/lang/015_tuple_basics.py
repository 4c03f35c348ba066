import sys
import gc

t = (1, 2, 3)
print(t, len(t), t[1], t[-1], t[1:])
single = (1,)
print(single, type(single).__name__, type((1)).__name__)
print(sys.getsizeof(()), sys.getsizeof((1,)), sys.getsizeof((1, 2, 3)))
e1, e2 = (), tuple()
print(e1 is e2, t.count(2), t.index(3))
a, b, c = t
print(a, b, c)
nested = (1, [2, 3])
nested[1].append(4)
print(nested)
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
print(gc.is_tracked(()), gc.is_tracked((1, 2)), gc.is_tracked(nested))
x = tuple([4, 5])
print(x, tuple("ab"), t + x, t * 2)
