# Plain classes and classes on object: layouts and sizes next to the built-in subclasses'.
import sys, gc


class Plain:
    pass


class Explicit(object):
    pass


class Empty:
    __slots__ = ()


class Two:
    __slots__ = ("a", "b")


class Weak:
    __slots__ = ("a", "__weakref__")


class WithDict:
    __slots__ = ("a", "__dict__")


for cls in (object, Plain, Explicit, Empty, Two, Weak, WithDict, int, str, list, dict, set, tuple, bytes, float):
    print(cls.__name__, cls.__basicsize__, cls.__itemsize__, cls.__dictoffset__, cls.__weakrefoffset__)
for obj in (object(), Plain(), Explicit(), Empty(), Two(), Weak(), WithDict()):
    print(type(obj).__name__, sys.getsizeof(obj), gc.is_tracked(obj), isinstance(obj, object))
p = Plain()
p.x = 1
print(vars(p), Plain.__base__ is object if hasattr(Plain, "__base__") else True, type(p) is Plain)
try:
    class Flag(bool):
        pass
except TypeError as e:
    print(e)
