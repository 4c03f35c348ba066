# What the VM's inline caches could get wrong: each site runs hot (so it is specialized),
# then the state it cached changes under it.
import sys

# --- LOAD_GLOBAL: a global rebound, deleted, re-created; a builtin shadowed later ---
counter = 1


def read_counter():
    return counter


def use_len(x):
    return len(x)


for _ in range(40):
    read_counter()
    use_len("abc")
counter = 2
print("rebound", read_counter())
del counter
try:
    read_counter()
except NameError as e:
    print("deleted", e)
counter = 3
print("re-created", read_counter())
for i in range(40):
    globals()["filler%d" % i] = i  # new keys: the globals' keys version changes
print("after filler", read_counter(), use_len("abcd"))


def len(x):  # shadows the builtin the site had cached
    return -1


print("shadowed builtin", use_len("abc"))
del len
print("builtin again", use_len("abc"))

# --- LOAD_ATTR on instances: class attribute changed after an instance's method was cached ---


class Shape:
    kind = "shape"

    def __init__(self, size):
        self.size = size

    def area(self):
        return self.size

    def describe(self):
        return (self.area(), self.kind, self.size)


class Square(Shape):
    def area(self):
        return self.size * self.size


shapes = [Shape(2), Square(3)]
for _ in range(30):
    for s in shapes:
        s.describe()
print("before", [s.describe() for s in shapes])
Shape.area = lambda self: 100
print("base method replaced", [s.describe() for s in shapes])
Square.area = lambda self: 200
print("subclass method replaced", [s.describe() for s in shapes])
Shape.kind = "changed"
print("class attribute changed", [s.describe() for s in shapes])
del Square.area
print("subclass method deleted", [s.describe() for s in shapes])



class Solo:
    tag = "t"

    def __init__(self):
        self.v = 1

    def get(self):
        return 1

    def run(self):
        return (self.get(), self.tag, self.v)


solo = Solo()
for _ in range(30):
    solo.run()
Solo.get = lambda self: 2
print("monomorphic method replaced", solo.run())
Solo.tag = "u"
print("monomorphic class attribute replaced", solo.run())

# --- an instance attribute shadowing a method, then removed ---
s = Shape(5)
for _ in range(30):
    s.describe()
s.area = lambda: "instance"
print("shadowed by instance", s.describe())
del s.area
print("shadow removed", s.describe())
s.kind = "own kind"
print("class attribute shadowed", s.describe())

# --- an instance whose __dict__ was materialised ---
t = Shape(7)
for _ in range(30):
    t.describe()
d = t.__dict__
d["size"] = 8
print("through __dict__", t.describe(), sorted(d))
t.size = 9
print("stored after __dict__", t.describe(), d["size"])

# --- a bound method made from the cached class attribute ---
m = None
for _ in range(30):
    m = s.describe
print("bound", m(), type(m).__name__)

# --- STORE_ATTR: instance values and __slots__ ---


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


pts = [Point(i, i + 1) for i in range(40)]
total = 0
for p in pts:
    total += p.x * p.y
print("slots", total, sys.getsizeof(pts[0]))
p = Point(1, 2)
del p.y
try:
    p.y
except AttributeError as e:
    print("unset slot", e)
try:
    Point(1, 2).z = 3
except AttributeError as e:
    print("no slot", e)


class Account:
    def __init__(self, owner):
        self.owner = owner
        self.balance = 0


accounts = [Account(i) for i in range(40)]
for a in accounts:
    a.balance += a.owner
print("values", sum(a.balance for a in accounts), sys.getsizeof(accounts[0]))
a = accounts[0]
del a.balance
try:
    a.balance += 1
except AttributeError as e:
    print("deleted attribute", e)
a.extra = 1
print("extra", sorted(vars(a)))

# --- the same site seeing different types (built-in methods by type) ---
items = [[1, 2], "ab", (1, 2, 1), {"a": 1}, [3]]
out = []
for _ in range(20):
    for x in items:
        out.append(x.get("a") if isinstance(x, dict) else x.count(x[0]))
print("polymorphic", out[:10])
for _ in range(30):
    "abc".upper()
print("str method", "xyz".upper())

# --- a function's __code__ and __defaults__ replaced ---


def f(a, b=1):
    return a + b


def g(a, b=10):
    return a * b


for _ in range(40):
    f(1)
    f(1, 2)
print("before", f(1), f(1, 2))
f.__defaults__ = (5,)
print("defaults replaced", f(1), f(1, 2))
f.__code__ = g.__code__
print("code replaced", f(2), f(2, 3))
f.__defaults__ = None
try:
    f(2)
except TypeError as e:
    print("defaults removed", e)

# --- bound methods called through a variable ---
bound = Square(4).area
for _ in range(30):
    bound()
print("bound call", bound())

# --- refcounts of cached objects stay right ---


class R:
    def m(self):
        return self


r = R()
for _ in range(50):
    r.m()
print("refcount", sys.getrefcount(r), sys.getrefcount(R.m))

# --- co_code is the deoptimised bytecode ---


def hot(o):
    return o.size + len(str(o.size)) + counter


for _ in range(100):
    hot(s)
print(hot.__code__.co_code.hex())
print(Shape.describe.__code__.co_code.hex())

# --- cached stores keep the instance's insertion order ---


class Ordered:
    def __init__(self, a, b, c):
        self.a = a
        self.b = b
        self.c = c


def set_a(o, v):
    o.a = v


xs = [Ordered(i, i, i) for i in range(30)]
x = xs[3]
del x.a
for o in xs:
    set_a(o, 1)
print(list(vars(x)), list(vars(xs[0])))
del x.b
x.b = 5
print(list(vars(x)), x.__dict__)
y = Ordered(1, 2, 3)
y.__dict__
for _ in range(3):
    set_a(y, 9)
print(vars(y))
