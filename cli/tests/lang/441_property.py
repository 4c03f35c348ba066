# property: the decorator form with setter and deleter, the doc taken from the getter,
# CPython's errors naming the property, and properties as data descriptors.
class Temperature:
    def __init__(self, c):
        self._c = c
    @property
    def celsius(self):
        "degrees Celsius"
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        del self._c
    fahrenheit = property(lambda self: self._c * 9 / 5 + 32, doc="degrees F")
t = Temperature(20)
print(t.celsius, t.fahrenheit)
t.celsius = 30
print(t.celsius, t.fahrenheit, t.__dict__)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
del t.celsius
print(hasattr(t, "_c"), t.__dict__)
print(Temperature.celsius.__doc__, Temperature.fahrenheit.__doc__)
print(type(Temperature.celsius).__name__, Temperature.celsius.fget.__name__)
print(Temperature.celsius.fset.__qualname__, Temperature.fahrenheit.fset)
for stmt in ("t.fahrenheit = 1", "del t.fahrenheit"):
    try:
        exec(stmt)
    except AttributeError as e:
        print("AttributeError:", e)
