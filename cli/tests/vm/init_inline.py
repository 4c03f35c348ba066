# Instantiation of a script's class whose __init__ runs on the caller's run
# (CALL_ALLOC_AND_ENTER_INIT): values, errors, refcounts, recursion.
import sys


class P:
    def __init__(self, x, y=2):
        self.x = x
        self.y = y


ps = [P(i) for i in range(5)] + [P(1, 3)]
print([(p.x, p.y) for p in ps], sys.getsizeof(ps[0]))


class Bad:
    def __init__(self):
        return 1


try:
    Bad()
except TypeError as e:
    print("bad", e)


class Raises:
    def __init__(self, v):
        raise ValueError(v)


try:
    Raises("no")
except ValueError as e:
    print("raises", e)
for call in [lambda: P(), lambda: P(1, 2, 3), lambda: P(1, z=2), lambda: Bad(1)]:
    try:
        call()
    except TypeError as e:
        print(e)


class NoInit:
    pass


print(type(NoInit()).__name__)
try:
    NoInit(1)
except TypeError as e:
    print(e)


class Counted:
    def __init__(self):
        print("refcount in __init__", sys.getrefcount(self))


c = Counted()
print("refcount after", sys.getrefcount(c))


class GenInit:
    def __init__(self):
        yield 1


try:
    GenInit()
except TypeError as e:
    print("generator __init__", e)


class Node:
    def __init__(self, depth):
        self.child = Node(depth - 1) if depth else None


n = Node(100)
d = 0
while n is not None:
    d += 1
    n = n.child
print("depth", d)
try:
    Node(2000)
except RecursionError as e:
    print("RecursionError", e)


class Slotted:
    __slots__ = ("a",)

    def __init__(self, a):
        self.a = a


print(sum(Slotted(i).a for i in range(10)))


class Sub(P):
    pass


s = Sub(7)
print(s.x, s.y, type(s).__name__)
P.__init__ = lambda self, x, y=0: setattr(self, "x", -x)
print(P(3).x, Sub(4).x)


def make():
    return Bad()


make()
