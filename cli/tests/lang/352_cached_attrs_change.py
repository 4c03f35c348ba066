# Attribute loads and stores that run many times (the inline caches fill), then the class or
# the instance changes under them: a method replaced, a class attribute added, an instance
# attribute deleted, slots read before they are set.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)

class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a):
        self.a = a

pts = [Point(i, -i) for i in range(5)]
total = 0
for _ in range(3):
    for p in pts:
        total += p.norm1() + p.x
        p.y = p.y - 1
print(total, [(p.x, p.y) for p in pts])
Point.norm1 = lambda self: 100
Point.x = -7
del pts[1].x
print([p.norm1() for p in pts], [p.x for p in pts])
for p in pts:
    p.x = p.y
print([p.x for p in pts])
s = Slotted(3)
for i in range(3):
    s.b = s.a + i
    s.a = s.b
print(s.a, s.b)
try:
    Slotted(1).b
except AttributeError as e:
    print("AttributeError", e)
