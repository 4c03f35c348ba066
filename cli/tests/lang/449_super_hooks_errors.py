# super(), continued: super().__setattr__ and object.__delattr__ inside the hooks, and
# super()'s errors: a wrong object or type, a missing name, no __class__ cell.
class Dog:
    pass
d = Dog()
class Logged:
    def __setattr__(self, name, value):
        print("set", name, value)
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)
o = Logged()
o.x = 1
del o.x
print(o.__dict__)
for bad in ("super(Dog, 1)", "super(1, d)", "super(Dog, d).nothing"):
    try:
        eval(bad)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
def outside():
    return super()
try:
    outside()
except RuntimeError as e:
    print("RuntimeError:", e)
