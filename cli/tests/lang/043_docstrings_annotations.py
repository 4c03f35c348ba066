def area(width: float, height: float = 1.0) -> float:
    """Return the area of a rectangle."""
    return width * height

print(area(2, 3), area.__doc__)
print(area.__annotations__)
class Point:
    """A point."""
    x: int
    y: int = 0
print(Point.__doc__, Point.__annotations__, Point.y)
count: int = 5
print(count, __annotations__)
def no_doc():
    x = "not a docstring"
    return x
print(no_doc.__doc__)
