# mode: cells. From the seed document 002_3024cb8b3702c5ce.txt, lines 6-229: its code, unchanged.
# %% line 6
import sys
from pprint import pprint
from collections import namedtuple
from recordclass import recordclass, mutabletuple
# %% line 22
ob = {'x':1, 'y':2, 'z':3}
a = ob['x']
# %% line 34
print('sizeof:', sys.getsizeof(ob))
# %% line 48
class Point:
    #
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z
        
ob = Point(1,2,3)
a = ob.x
# %% line 73
print('sizeof:', sys.getsizeof(ob), sys.getsizeof(ob.__dict__))
# %% line 89
class Point:
    __slots__ = 'x', 'y', 'z'
        
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z
# %% line 98
ob = Point(1,2,3)
print('sizeof:', sys.getsizeof(ob))
print('has __dict__?', hasattr(ob, '__dict__'))
print('has __weakref__?', hasattr(ob, '__weakref__'))
# %% line 124
pprint(Point.__dict__)
# %% line 142
ob = (1,2,3)
x = ob[0]
# %% line 148
print("sizeof:", sys.getsizeof(ob))
# %% line 158
Point = namedtuple("Point", "x y z")
ob = Point(1,2,3)
x = ob.x
y = ob[1]
# %% line 202
mt = mutabletuple(1,2,3)
print(mt[0], mt[1:])
print('Sizeof>', 'mutabletuple:', sys.getsizeof(mt), 'tuple:', sys.getsizeof((1,2,3)))
# %% line 211
mt[0] = 100
mt[-1] = 200
mt
# %% line 226
Point = recordclass("Point", "x y z")
ob = Point(1,2,3)
print(ob)
print("size:", sys.getsizeof(ob))
