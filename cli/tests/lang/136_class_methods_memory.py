import sys

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

p = Point(1, 2)
print(sys.getrefcount(p))
m = p.__init__
print(sys.getrefcount(p))
del m
print(sys.getrefcount(p))
points = [Point(i, i) for i in range(3)]
print(sys.getsizeof(points[0].__dict__))
print(sys.getrefcount(Point) > 3)
q = Point(3, 4)
print(q.__dict__ == {"x": 3, "y": 4})
q.z = 5
print(sys.getsizeof(q.__dict__) >= sys.getsizeof(p.__dict__))
print(sys.getsizeof(Point(0, 0)) == sys.getsizeof(p))
