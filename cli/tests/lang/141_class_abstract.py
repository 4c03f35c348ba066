from abc import ABC, abstractmethod

class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    def describe(self):
        return f"{type(self).__name__} with area {self.area():.2f}"

class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2

class Circle(Shape):
    def __init__(self, r):
        self.r = r

    def area(self):
        return 3.14159 * self.r ** 2

print(Square(3).describe(), Circle(1).describe())
try:
    Shape()
except TypeError as e:
    print("TypeError:", e)
print(isinstance(Square(1), Shape), sorted(Shape.__abstractmethods__))
