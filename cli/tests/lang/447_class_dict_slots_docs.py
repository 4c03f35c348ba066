# Class namespaces, continued: a __slots__ subclass's __dict__, __doc__ added when the body
# has none, descriptor sizes, member descriptors called directly, slot/class clashes.
import sys
class Point:
    __slots__ = ('x', 'y', '__weakref__')
    def __init__(self, x, y):
        self.x = x
        self.y = y
class Plain:
    a = 1
class Sub(Plain):
    __slots__ = ('z',)
print(Sub.__dict__)
class NoDoc:
    pass
print(NoDoc.__dict__.keys(), NoDoc.__doc__)
print(sys.getsizeof(Point.x), sys.getsizeof(Plain.__dict__['__dict__']), sys.getsizeof(Plain.__dict__))
p = Point(1, 2)
print(Point.x.__get__(p), Point.__dict__['x'].__get__(p, Point))
Point.y.__set__(p, 20)
print(p.y)
try:
    class Clash:
        __slots__ = ('a',)
        a = 1
except ValueError as e:
    print(e)
