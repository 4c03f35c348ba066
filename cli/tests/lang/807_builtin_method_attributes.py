import array
import gc
import math


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


show(lambda: [].append.__self__)
show(lambda: {}.get.__self__)
show(lambda: (gc.collect.__self__.__name__, math.sqrt.__self__ is math))
show(lambda: (list.__qualname__, bytearray.__qualname__, array.array.__qualname__))
show(lambda: ([].append.__qualname__, len.__qualname__, dict.fromkeys.__qualname__))
show(lambda: (len.__module__, [].append.__module__, gc.collect.__module__, array.array.__module__))
show(lambda: (bytearray(b"x").append.__self__, memoryview.__module__, math.sqrt.__module__))


class D(dict):
    pass


class E(dict):
    def __setitem__(self, k, v):
        print("set", k, v)
        super().__setitem__(k, v * 2)


show(lambda: (D.fromkeys("ab"), type(D.fromkeys("ab")), type(D().fromkeys([1]))))
show(lambda: (E.fromkeys([1, 2], 5), type(E.fromkeys([]))))
b = bytearray(b"ab")
b.__setitem__(0, 65)
print(b, b.__len__(), b.__getitem__(1), bytearray.__getitem__(b, 0), b.__contains__(66))
b.__delitem__(0), b.__iadd__(b"xy"), b.__imul__(2)
a = array.array("i", [1, 2])
a.__setitem__(0, 5)
print(b, a, a.__len__(), a.__getitem__(-1), a.__contains__(2))
