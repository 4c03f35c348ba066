import sys

class Dog:
    species = "canis"

    def __init__(self, name, age):
        self.name = name
        self.age = age

    def bark(self):
        return f"{self.name} says woof"

    def birthday(self):
        self.age += 1
        return self.age

d = Dog("Rex", 3)
print(d.bark(), d.birthday(), d.age)
print(d.species, Dog.species, type(d).__name__, isinstance(d, Dog))
print(sorted(vars(d).items()))
print(sys.getsizeof(d) > 0, type(d.__dict__).__name__)
d2 = Dog("Fido", 1)
print(d.bark is d.bark, d.bark == d.bark, Dog.bark(d2))
print(type(d.bark).__name__, type(Dog.bark).__name__)
print(d.bark.__self__ is d, d.bark.__func__ is Dog.bark)
