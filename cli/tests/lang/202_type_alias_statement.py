type Point = tuple[float, float]
type Matrix[T] = list[list[T]]

print(type(Point).__name__, Point.__name__)
print(Point.__value__)
print(Matrix.__type_params__, Matrix[int])
def norm(p: Point) -> float:
    return (p[0] ** 2 + p[1] ** 2) ** 0.5
print(norm((3.0, 4.0)))
type Lazy = UndefinedYet
try:
    Lazy.__value__
except NameError as e:
    print("NameError:", e)
UndefinedYet = int
print(Lazy.__value__)
