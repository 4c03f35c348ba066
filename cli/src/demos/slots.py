# __slots__ against __dict__: one instance, then a million of them
import sys
class WithDict:
    def __init__(self, x, y):
        self.x = x
        self.y = y
class WithSlots:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x
        self.y = y
a = WithDict(1, 2)
b = WithSlots(1, 2)
print('instance with __dict__:', sys.getsizeof(a), 'bytes, its __dict__:', sys.getsizeof(a.__dict__))
print('instance with __slots__:', sys.getsizeof(b), 'bytes, no __dict__:', not hasattr(b, '__dict__'))
n = 1000000
dicts = [WithDict(i, i) for i in range(n)]
slots = [WithSlots(i, i) for i in range(n)]
last = dicts[-1]
with_dict = sys.getsizeof(last) + sys.getsizeof(last.__dict__)
print(f"{n:,} instances with __slots__: {n * sys.getsizeof(slots[-1]) / 1e6:.1f} MB")
print(f"{n:,} instances with __dict__:  {n * sys.getsizeof(last) / 1e6:.1f} MB, "
      f"{n * with_dict / 1e6:.1f} MB once each __dict__ is made ({with_dict} bytes each)")
