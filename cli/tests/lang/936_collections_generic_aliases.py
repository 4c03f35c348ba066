# deque, OrderedDict and defaultdict subscripted as generic aliases (PEP 585), and called.
from collections import deque, OrderedDict, defaultdict
print(deque[int], OrderedDict[str, int], defaultdict[str, list[int]])
x = OrderedDict[str, int]()
print(type(x), x, defaultdict[str, int](int, a=1))
print(OrderedDict[str, int].__origin__ is OrderedDict, defaultdict[int, int].__args__)
print(list[int]("ab"), dict[str, int](a=1), tuple[int, ...]([1, 2]))

class Box:
    __class_getitem__ = classmethod(type(list[int]))

b = Box[int]()
print(b.__orig_class__, b.__orig_class__.__origin__ is Box)
