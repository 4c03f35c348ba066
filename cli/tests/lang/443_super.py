# super(): zero arguments through the __class__ cell, two arguments, super objects as values,
# and what they find along the MRO: methods, classmethods, properties, object's hooks.
class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} makes a sound"
    @classmethod
    def kind(cls):
        return f"kind {cls.__name__}"
    @property
    def label(self):
        return "animal"
class Dog(Animal):
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed
    def speak(self):
        return super().speak() + " (woof)"
    @classmethod
    def kind(cls):
        return "dog " + super().kind()
    @property
    def label(self):
        return "dog/" + super().label
class Puppy(Dog):
    def speak(self):
        s = super()
        return "small " + s.speak()
    def skip(self):
        return super(Dog, self).speak()
p = Puppy("Rex", "lab")
print(p.speak(), p.skip(), p.breed)
print(Puppy.kind(), p.kind(), p.label)
print(super(Puppy, p).speak(), super(Dog, Puppy).kind())
print(repr(super(Dog, p)), type(super(Dog, p)).__name__)
