# functools.cached_property and partialmethod.
from functools import cached_property, partialmethod

class Data:
    def __init__(self):
        self.calls = 0
    @cached_property
    def total(self):
        "The total."
        self.calls += 1
        return 42
d = Data()
print(d.total, d.total, d.calls, "total" in d.__dict__, Data.total.__doc__, Data.total.attrname)
del d.total
print(d.total, d.calls)
class Cell:
    def set(self, state):
        self.state = state
    on = partialmethod(set, True)
    off = partialmethod(set, False)
c = Cell(); c.on(); print(c.state); c.off(); print(c.state)
class Slotted:
    __slots__ = ()
    @cached_property
    def x(self):
        return 1
try:
    Slotted().x
except TypeError as e:
    print("TypeError", e)
