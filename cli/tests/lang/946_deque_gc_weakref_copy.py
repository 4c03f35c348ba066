# deque and the collector, weak references, copy/deepcopy, __reduce__ and repr recursion.
import gc, weakref, copy, sys
from collections import deque
print(gc.is_tracked(deque()), gc.is_tracked(deque([1])), gc.is_tracked(deque(maxlen=0)))
d = deque([1]); r = weakref.ref(d); print(r() is d, weakref.getweakrefcount(d))
del d; print(r())
d = deque(); d.append(d); w = weakref.ref(d); del d
print(w() is None, gc.collect() >= 1, w())
class Node:
    pass
n = Node(); n.q = deque([n]); wn = weakref.ref(n); del n; gc.collect(); print(wn())
d = deque([1, [2]]); d.append(d); print(d, repr(deque([d])))
e = deque([[1], 2], maxlen=5)
c, dc = copy.copy(e), copy.deepcopy(e)
print(c, dc, c[0] is e[0], dc[0] is e[0], dc.maxlen, type(dc))
rec = deque([1]); rec.append(rec); rc = copy.deepcopy(rec); print(rc[1] is rc, rc)
red = e.__reduce__(); print(red[0], red[1], red[2], list(red[3]))
print(deque([1, 2]).__reduce__()[1], deque().__reduce__()[1])
refs = sys.getrefcount(e[1])
big = deque([e[1]] * 200); print(sys.getrefcount(e[1]) - refs)
big.clear(); print(sys.getrefcount(e[1]) - refs)
class Fin:
    def __del__(self):
        print("del", len(holder))
holder = deque([Fin(), Fin()]); holder.clear(); print("cleared")
holder = deque([Fin()]); holder.pop(); print("popped")
holder = deque([Fin()], maxlen=1); holder.append(1); print("trimmed", holder)
