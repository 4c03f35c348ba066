# deque comparisons (lexicographic, NotImplemented for other types), +, *, +=, *=, in.
from collections import deque
a, b = deque([1, 2, 3]), deque([1, 2, 4])
print(a == b, a != b, a < b, a <= b, a > b, a >= b)
print(a == deque([1, 2, 3]), a < deque([1, 2, 3, 0]), deque() < a, deque([2]) > a)
print(a == [1, 2, 3], a != (1, 2, 3), deque([1]) == deque([1.0]), deque([1], 5) == deque([1]))
print(a + b, a * 2, 2 * a, a * 0, a * -1, deque([7], maxlen=3) * 5)
print(deque([1, 2], maxlen=3) + deque([3, 4]), (a + b).maxlen)
c = deque([1, 2]); c2 = c; c += [3, 4]; c += "ab"; c += range(2); print(c, c is c2)
c *= 2; print(c, c is c2, len(c))
c *= 0; print(c, c is c2)
m = deque([1, 2, 3], maxlen=7); m *= 5; print(m)
s = deque(["x"]); s *= 100; print(len(s), s.count("x"))
g = deque(range(3)); g += g; print(g)
print(3 in a, 9 in a, "x" not in a)
class N:
    def __index__(self): return 2
print(a * N(), a[N()])
e = deque([1]); e *= N(); print(e)
import operator
print(operator.iadd(deque([1]), [2]), operator.imul(deque([1]), 2))
