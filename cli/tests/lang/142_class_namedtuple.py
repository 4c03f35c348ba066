import sys
from collections import namedtuple
from typing import NamedTuple

Point = namedtuple("Point", ["x", "y"])
p = Point(1, 2)
print(p, p.x, p[1], p._asdict(), p._replace(x=9))
print(sys.getsizeof(p), sys.getsizeof((1, 2)))
x, y = p
print(x + y, isinstance(p, tuple))
class Employee(NamedTuple):
    name: str
    dept: str = "eng"
e = Employee("ann")
print(e, e.dept, Employee._fields)
try:
    p.x = 5
except AttributeError as err:
    print("AttributeError:", err)
