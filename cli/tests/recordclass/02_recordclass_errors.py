# recordclass's messages: arguments, names, indexes, attributes.
from recordclass import recordclass

Point = recordclass("Point", "x y z")
p = Point(1, 2, 3)


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


t(lambda: Point(1, 2, 3, 4))
t(lambda: Point(1, w=2))
t(lambda: p[3])
t(lambda: p[-4])
t(lambda: p[10])
t(lambda: p["x"])
t(lambda: p[1.0])
t(lambda: p[:2])
t(lambda: p.w)


def setw():
    p.w = 1


t(setw)


def setkey():
    p["x"] = 1


t(setkey)


def setbad():
    p[5] = 1


t(setbad)
t(lambda: recordclass("Q", "a a"))
t(lambda: recordclass("Q", "a 1b"))
t(lambda: recordclass("Q", "a def"))
t(lambda: recordclass("Q", "a b", defaults=(1, 2, 3)))
t(lambda: recordclass("Q", "a _make"))
t(lambda: recordclass("Q", "_a").__fields__)
t(lambda: recordclass("Q", "a def", rename=True).__fields__)
t(lambda: recordclass("1Q", "a"))
t(lambda: recordclass("Q", [1]))


def setfields():
    Point.__fields__ = ()


t(setfields)


def delfields():
    del Point.__defaults__


t(delfields)
t(lambda: Point(1, 2, 3) < Point(1, 2, 4))
t(lambda: Point(1, 2, 3) == Point(1, 2, 3))
t(lambda: Point(1, 2, 3) != Point(1, 2, 3))
t(lambda: Point(1, 2, 3) == (1, 2, 3))
t(lambda: Point(1, 2) >= Point(1, 2))
t(lambda: Point(1, 2, 3) < (1, 2))
t(lambda: hash(p) == hash(Point(1, 2, 3)))
