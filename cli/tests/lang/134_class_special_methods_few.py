class Vector:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Vector({self.x}, {self.y})"

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)

    def __len__(self):
        return 2

v = Vector(1, 2) + Vector(3, 4)
print(v, v == Vector(4, 6), len(v), str(v))
print(Vector.__hash__)
try:
    {v}
except TypeError as e:
    print("TypeError:", e)
class Plain:
    pass
p = Plain()
print(repr(p).startswith("<__main__.Plain object at 0x"), p == p, p != Plain())
