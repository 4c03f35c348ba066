class Base:
    x = "base x"

    def method(self):
        return "base method"

class Derived(Base):
    y = "derived y"

obj = Derived()
print(obj.x, obj.y, obj.method())
obj.x = "instance x"
print(obj.x, Derived.x, Base.x)
print(getattr(obj, "y"), getattr(obj, "missing", None))
setattr(obj, "dynamic", 5)
print(obj.dynamic, hasattr(obj, "dynamic"))
delattr(obj, "dynamic")
print(hasattr(obj, "dynamic"))
try:
    obj.nothing
except AttributeError as e:
    print("AttributeError:", e)
print(Derived.__name__, Derived.__qualname__, Derived.__module__)
print(sorted(k for k in dir(obj) if not k.startswith("_")))
