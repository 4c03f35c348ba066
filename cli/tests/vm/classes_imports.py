# Classes, methods, super(), class attributes, imports of the user's module.
import mod_shapes
from mod_shapes import area

class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} makes a sound"

class Dog(Animal):
    kind = "dog"
    def __init__(self, name, tricks):
        super().__init__(name)
        self.tricks = tricks
    def speak(self):
        return super().speak() + " (woof)"

d = Dog("Rex", ["sit"])
print(d.speak(), d.kind, Animal.kind, d.tricks, isinstance(d, Animal))
print(mod_shapes.NAME, area(3), mod_shapes.__name__)
print(__name__)
if __name__ == "__main__":
    print("run as a script")
try:
    import no_such_module_here
except ModuleNotFoundError as e:
    print(e)

def describe(x):
    match x:
        case 0:
            return "zero"
        case [a, b]:
            return f"pair {a} {b}"
        case {"k": v}:
            return f"mapping {v}"
        case str() as s if len(s) > 2:
            return "long str " + s
        case _:
            return "other"

for v in (0, [1, 2], {"k": 9}, "abcd", 3.5):
    print(describe(v))
