class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

def where(p):
    match p:
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point(x=px, y=py) if px == py:
            return f"diagonal {px}"
        case Point():
            return "somewhere"
        case _:
            return "not a point"

for p in (Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 4), "p"):
    print(where(p))
def types(v):
    match v:
        case int(n) | float(n):
            return f"number {n}"
        case str() as s:
            return f"string {s!r}"
        case list([int(), *_]):
            return "list starting with int"
    return "other"
print(types(3), types(2.5), types("x"), types([1, "a"]), types(["a"]))
