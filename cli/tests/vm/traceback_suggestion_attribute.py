# AttributeError suggestions from the instance's and its classes' names, and a module's.
import sys

class Base:
    colour = 1

class Child(Base):
    def __init__(self):
        self.Value2 = 3

c = Child()
for attempt in (lambda: c.value2, lambda: c.color, lambda: sys.exc_inf):
    try:
        attempt()
    except AttributeError as e:
        print(e, e.name)
c.colr
