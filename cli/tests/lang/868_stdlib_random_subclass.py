# random: _random.Random seeds in __init__ (a zeroed state before), keyword rules for its subclasses
import random, _random
class A(random.Random):
    def __init__(self):
        pass
a = A(); a.gauss_next = None; print(a.getstate()[1][:3], a.getstate()[1][-1], a.random())
class B(_random.Random):
    pass
try:
    B(x=1)
except TypeError as e:
    print(e)
class C(_random.Random):
    def __init__(self, x=None, y=None):
        super().__init__(x)
print(C(5, 6).random(), C(x=5).random(), random.Random(x=5).random())
try:
    _random.Random(1, 2)
except TypeError as e:
    print(e)
print(isinstance(random.Random(), _random.Random), random.Random.__mro__[1].__name__)
print(random.Random(1).random() == random.Random(1).random())
