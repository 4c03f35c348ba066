# __getattr__ (only when the lookup fails), __setattr__ around every store,
# __getattribute__ for every lookup, and object's generic forms called from inside them.
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
    def __getattr__(self, name):
        print("getattr", name)
        return getattr(self._target, name)
    def __setattr__(self, name, value):
        print("setattr", name)
        setattr(self._target, name, value)
class Box:
    size = 3
b = Box()
px = Proxy(b)
print(px.size, px._target is b)
px.color = "red"
print(b.color, "color" in px.__dict__)
try:
    px.missing
except AttributeError as e:
    print("AttributeError:", e)
class Counted:
    def __init__(self):
        self.hits = 0
    def __getattribute__(self, name):
        if name != "hits":
            object.__setattr__(self, "hits", object.__getattribute__(self, "hits") + 1)
        return object.__getattribute__(self, name)
    def method(self):
        return "m"
c = Counted()
print(c.method(), c.method(), c.hits, getattr(c, "nope", "dflt"), c.hits)
print(object.__getattribute__, object.__setattr__, object.__delattr__)
