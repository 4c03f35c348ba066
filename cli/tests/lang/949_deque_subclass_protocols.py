# Classes on collections.deque that override __init__, __new__ or __iter__, and the base's
# protocols (indexing, pop, `in`, __class_getitem__) on their instances.
from collections import deque

class Q(deque):
    pass

class Odd(deque):
    def __init__(self, *args):
        super().__init__()
print(Odd([1, 2]), Odd([1, 2]).copy())
class Weird(deque):
    def __new__(cls, *args):
        return 5
print(Weird())
class Rev(deque):
    def __iter__(self):
        return iter([9, 9])
print(list(Rev([1])), list(reversed(Rev([1, 2]))), len(Rev([1])))
r = Q(range(5)); print(r[1], r[-1], r.pop(), r.popleft(), r, 3 in r, r.index(3))
r[0] = "z"; del r[1]; print(r, Q.__class_getitem__(int), Q[int])
print(type(Q([1]).__iter__()).__name__, list(deque("ab").__iter__()), list(Q("cd").__iter__()))
