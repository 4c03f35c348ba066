import sys

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Slotted:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

points = [Point(i, i) for i in range(1000)]
slotted = [Slotted(i, i) for i in range(1000)]
print(sys.getsizeof(points[0]), sys.getsizeof(slotted[0]))
print(sys.getsizeof(points[0].__dict__))
p = Point(1, 2)
p.extra = 3
print(sys.getsizeof(p.__dict__))
total_dict = sum(sys.getsizeof(o) + sys.getsizeof(o.__dict__) for o in points)
total_slot = sum(sys.getsizeof(o) for o in slotted)
print(total_dict, total_slot, total_dict > total_slot)
print(Point.__dictoffset__ != 0, Slotted.__dictoffset__, Slotted.__basicsize__ > 16)
