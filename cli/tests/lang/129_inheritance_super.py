class Animal:
    def __init__(self, name):
        self.name = name

    def speak(self):
        return "..."

    def describe(self):
        return f"{self.name}: {self.speak()}"

class Dog(Animal):
    def speak(self):
        return "woof"

class Puppy(Dog):
    def __init__(self, name, toy):
        super().__init__(name)
        self.toy = toy

    def speak(self):
        return super().speak() + "!"

for a in (Animal("generic"), Dog("rex"), Puppy("bit", "ball")):
    print(a.describe())
print(Puppy.__mro__)
print(isinstance(Puppy("p", "t"), Animal), issubclass(Dog, Puppy))
print(Puppy.__bases__, Dog.__subclasses__())
