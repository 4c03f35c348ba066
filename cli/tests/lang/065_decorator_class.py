registry = []

def register(cls):
    registry.append(cls.__name__)
    cls.registered = True
    return cls

@register
class Widget:
    pass

@register
class Gadget:
    pass

print(registry, Widget.registered, Gadget.registered)
def add_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{cls.__name__}({fields})"
    cls.__repr__ = __repr__
    return cls
@add_repr
class Pt:
    def __init__(self, x, y):
        self.x, self.y = x, y
print(Pt(1, "two"))
def singleton(cls):
    instances = {}
    def get(*args):
        if cls not in instances:
            instances[cls] = cls(*args)
        return instances[cls]
    return get
@singleton
class Config:
    pass
print(Config() is Config())
