# The attribute protocol: data descriptors before the instance dict, non-data descriptors
# after it; __getattr__ only when lookup fails, __getattribute__ for every lookup,
# __setattr__/__delattr__ around every store, and object's generic forms from inside them.
class Typed:
    def __init__(self, name, kind):
        self.name, self.kind = name, kind
    def __get__(self, obj, owner):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, "unset")
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}")
        obj.__dict__[self.name] = value
    def __delete__(self, obj):
        print("delete", self.name)
        obj.__dict__.pop(self.name, None)
class Lazy:
    def __get__(self, obj, owner):
        print("computing")
        obj.__dict__["val"] = 42
        return 42
class Rec:
    age = Typed("age", int)
    val = Lazy()
r = Rec()
print(r.age, Rec.age.kind.__name__)
r.age = 5
print(r.age, r.__dict__)
try:
    r.age = "old"
except TypeError as e:
    print("TypeError:", e)
del r.age
print(r.val, r.val, r.__dict__)
