# __repr__ and __str__ fill a class's slots: print, str, repr, containers, f-strings.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"

class Named(Point):
    def __str__(self):
        return f"<{self.x}, {self.y}>"

p, n = Point(1, "a"), Named(2, 3)
print(p, repr(p), str(p), [p, n], (n,), {"k": n})
print(n, f"{n}", f"{n!r}", f"{p!s}", "%s and %r" % (n, n))
print(str(n) == n.__str__(), repr(n) == n.__repr__())

class Bad:
    def __repr__(self):
        return 42
    def __str__(self):
        return None
for f in (repr, str, lambda o: f"{o}", lambda o: [o]):
    try:
        f(Bad())
    except TypeError as e:
        print(type(e).__name__, e)

class Late:
    pass
Late.__repr__ = lambda self: "late repr"
print(Late(), [Late()])
del Late.__repr__
print(repr(Late()).startswith("<__main__.Late object at 0x"))

class Sub(Late):
    pass
Late.__str__ = lambda self: "via base"
print(Sub(), repr(Sub()).startswith("<__main__.Sub object"))
