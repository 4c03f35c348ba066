# A class's __dict__: a read-only mappingproxy holding the class body's names, the
# descriptors of __slots__, __dict__ and __weakref__, and __doc__, in CPython's order.
import sys
class Point:
    __slots__ = ('x', 'y', '__weakref__')
    def __init__(self, x, y):
        self.x = x
        self.y = y
print(list(Point.__dict__))
print(Point.x, Point.__dict__['y'], Point.__dict__['__weakref__'])
print(type(Point.x).__name__, Point.x.__name__, Point.x.__objclass__, Point.x.__qualname__)
class Plain:
    "a plain class"
    a = 1
    def f(self):
        return 2
print(list(Plain.__dict__), len(Plain.__dict__))
print(Plain.__dict__['__dict__'], Plain.__dict__['__doc__'], Plain.__doc__)
print(type(Plain.__dict__).__name__, 'a' in Plain.__dict__, 'zz' in Plain.__dict__)
print(Plain.__dict__['a'], Plain.__dict__.get('zz', 5), Plain.__dict__.get('a'))
print(Plain.__dict__.keys())
print(sorted(Plain.__dict__.items())[-1][0], len(list(Plain.__dict__.values())))
print(Plain.__dict__ == dict(Plain.__dict__), Plain.__dict__ is Plain.__dict__)
print(type(Plain.__dict__.copy()).__name__, [k for k in Plain.__dict__])
print(vars(Plain) == Plain.__dict__, type(vars(Plain)).__name__)
for bad in ("Plain.__dict__['a'] = 2", "del Plain.__dict__['a']", "Plain.__dict__.x = 1", "Plain.__dict__['zz']"):
    try:
        exec(bad)
    except (TypeError, AttributeError, KeyError) as e:
        print(type(e).__name__, e)
