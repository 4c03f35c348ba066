# Classes are in reference cycles (their MRO tuple and the descriptors in their namespace
# point back at them), so the collector frees them: `class K: pass; del K` leaves six objects
# to collect: K, its namespace, its MRO and bases tuples, and its __dict__/__weakref__
# descriptors.
import gc, weakref
gc.collect()
class K:
    pass
del K
print(gc.collect())
class Slotted:
    __slots__ = ("a", "b")
del Slotted
print(gc.collect())
class WithMethods:
    def f(self):
        return 1
    @property
    def p(self):
        return 2
del WithMethods
print(gc.collect())
class Base:
    pass
class Sub(Base):
    pass
r = weakref.ref(Sub)
print(weakref.getweakrefcount(Sub), weakref.getweakrefcount(Base), Base.__subclasses__())
del Sub
print(gc.collect(), r(), Base.__subclasses__())
def make():
    class Local:
        pass
    return Local()
obj = make()
print(type(obj).__qualname__, gc.collect())
del obj
print(gc.collect())
