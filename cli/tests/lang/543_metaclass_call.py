# The metaclass's __call__: singletons, counting instances; a registry in __new__.
class Singleton(type):
    _instances = {}
    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]
class Config(metaclass=Singleton):
    def __init__(self, value=0):
        print("Config.__init__", value)
        self.value = value
for i in range(3):
    c = Config(i)
print(c is Config(), c.value, type(c).__name__, type(Config).__name__)
class Registry(type):
    classes = []
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        if bases:
            mcls.classes.append(cls.__name__)
        return cls
class Shape(metaclass=Registry):
    pass
class Circle(Shape):
    pass
class Square(Shape):
    pass
print(Registry.classes, type(Square).__name__)
class Counted(type):
    def __call__(cls, *args, **kwargs):
        obj = super().__call__(*args, **kwargs)
        cls.count = getattr(cls, "count", 0) + 1
        return obj
class Point(metaclass=Counted):
    def __init__(self, x, y):
        self.x, self.y = x, y
points = [Point(i, y=2 * i) for i in range(4)]
print(Point.count, points[3].x, points[3].y)
