# Classes on collections.deque: their own __init__, attributes, __slots__, sizes, repr,
# methods through super(), copies.
import sys, copy
from collections import deque

class Q(deque):
    pass

class Bounded(deque):
    def __init__(self, items, tag):
        super().__init__(items, maxlen=4)
        self.tag = tag
    def append(self, x):
        super().append(x * 10)

class Slotted(deque):
    __slots__ = ("a", "b")

class Plain(deque):
    __slots__ = ()

print(Q.__basicsize__, Slotted.__basicsize__, Plain.__basicsize__, Q.__weakrefoffset__)
print(sys.getsizeof(Q()), sys.getsizeof(Slotted()), sys.getsizeof(Plain()))
print(sys.getsizeof(Q(range(100))), sys.getsizeof(Slotted(range(64))), Q(range(64)).__sizeof__())
q = Q([1, 2]); q.x = 5; print(q, q.x, q.__dict__, isinstance(q, deque), type(q).__mro__)
b = Bounded(range(10), "t"); print(b, b.tag, b.maxlen)
b.append(1); b.appendleft(2); print(b, len(b))
s = Slotted("ab"); s.a = 1; print(s, s.a, hasattr(s, "__dict__"))
try:
    s.c = 3
except AttributeError as e:
    print(e)
print(repr(Q([Q(), deque([Q()])])), repr(Plain()))
print(Q([1]) == deque([1]), Q([1]) + deque([2]), type(Q([1]) + deque([2])).__name__)
print(type(Q([1]) * 2).__name__, type(Q([1]).copy()).__name__, type(copy.copy(Q([1]))).__name__)
c = copy.copy(b); print(c, type(c).__name__, c.maxlen)
dq = copy.deepcopy(Q([[1], [2]])); print(dq, type(dq).__name__)
