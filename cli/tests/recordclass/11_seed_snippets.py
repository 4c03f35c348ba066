# The seed lesson's cells (../shared/seeds/002), without pprint (not this package's module).
import sys
from collections import namedtuple
from recordclass import recordclass, mutabletuple

ob = {'x': 1, 'y': 2, 'z': 3}
print('sizeof:', sys.getsizeof(ob))


class Point:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z


ob = Point(1, 2, 3)
print('sizeof:', sys.getsizeof(ob), sys.getsizeof(ob.__dict__))


class Point:
    __slots__ = 'x', 'y', 'z'

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z


ob = Point(1, 2, 3)
print('sizeof:', sys.getsizeof(ob))
print('has __dict__?', hasattr(ob, '__dict__'))
print('has __weakref__?', hasattr(ob, '__weakref__'))
print(sorted(k for k in Point.__dict__ if k != '__init__'), Point.__dict__['x'])
ob = (1, 2, 3)
print("sizeof:", sys.getsizeof(ob))
Point = namedtuple("Point", "x y z")
ob = Point(1, 2, 3)
print(ob.x, ob[1], sys.getsizeof(ob))
mt = mutabletuple(1, 2, 3)
print(mt[0], mt[1:])
print('Sizeof>', 'mutabletuple:', sys.getsizeof(mt), 'tuple:', sys.getsizeof((1, 2, 3)))
mt[0] = 100
mt[-1] = 200
print(mt)
Point = recordclass("Point", "x y z")
ob = Point(1, 2, 3)
print(ob)
print("size:", sys.getsizeof(ob))
