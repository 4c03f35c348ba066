import gc
import sys

class Plain:
    pass

class Slotted:
    __slots__ = ("a",)

class NoFields:
    __slots__ = ()

print(gc.is_tracked(Plain()), gc.is_tracked(Slotted()), gc.is_tracked(NoFields()))
print(gc.is_tracked(Plain), gc.is_tracked(len))
gc.collect()
class Parent:
    def __init__(self):
        self.children = []
class Child:
    def __init__(self, parent):
        self.parent = parent
        parent.children.append(self)
p = Parent()
for _ in range(3):
    Child(p)
print(sys.getrefcount(p))
del p
print(gc.collect())
