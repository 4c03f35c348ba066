# Classes made by type(name, bases, dict), their names, bases, MRO and docs, dir() of classes
# and instances, and type()'s errors.
def hello(self):
    return f"hello from {type(self).__name__}"
Base = type("Base", (), {"greet": hello, "n": 1})
Child = type("Child", (Base,), {"__doc__": "a child", "n": 2})
c = Child()
print(c.greet(), c.n, Base.n, Child.__doc__, Base.__doc__)
print(Base, Child.__name__, Child.__qualname__, Child.__module__)
print(Child.__bases__, Child.__base__, Child.__mro__, Base.__base__)
print(list(Base.__dict__))
print(Child.mro(), Base.__subclasses__(), type(c) is Child, type(Child))
def outer():
    class Inner:
        class Deep:
            pass
    return Inner
I = outer()
print(I.__qualname__, I.Deep.__qualname__, I.__name__, I)
print(repr(I.Deep)[:50])
class Q:
    "doc of Q"
    x = 1
    def m(self):
        pass
q = Q()
q.y = 2
print(dir(q))
print([n for n in dir(Q) if not n.startswith("__")], "__dict__" in dir(Q), "y" in dir(Q))
print(len(dir(Q)), len(dir(q)), dir(Q) == sorted(dir(Q)))
for args in ((1, (), {}), ("A", [], {}), ("A", (), [])):
    try:
        type(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    type("A", (), {}, 1)
except TypeError as e:
    print("TypeError:", e)
