import sys
from collections import namedtuple

Point = namedtuple("Point", ["x", "y"])
p = Point(1, 2)
print(p, p.x, p[1], p._asdict(), p._replace(x=9))
print(sys.getsizeof(p), sys.getsizeof((1, 2)))
x, y = p
print(x + y, isinstance(p, tuple), Point._fields)
Employee = namedtuple("Employee", "name dept", defaults=["eng"])
e = Employee("ann")
print(e, e.dept, Employee._field_defaults)
try:
    p.x = 5
except AttributeError as err:
    print("AttributeError:", err)
