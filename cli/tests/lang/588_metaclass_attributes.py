# A metaclass's attribute protocol: its data descriptors win over the class's own attribute,
# the class's attribute over the metaclass's plain ones; __getattr__, __getattribute__,
# __setattr__ and __delattr__ on the metaclass act on its classes (super() reaches type's).
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


class Meta(type):
    kind = property(lambda cls: "meta property of " + cls.__name__)
    label = "meta label"
    def __getattr__(cls, name): return "missing " + name
    def plain(cls): return "meta method of " + cls.__name__
    def __getattribute__(cls, name): return 42 if name == "magic" else super().__getattribute__(name)
    def __setattr__(cls, name, value): print("set", name, value); super().__setattr__(name, value)
    def __delattr__(cls, name): print("del", name); super().__delattr__(name)


class C(metaclass=Meta):
    kind, label = "class attr", "class label"
    def plain(self): return "class plain"


class RO(type):
    fixed = property(lambda cls: 1)
class R(metaclass=RO): pass


def assign(): C.x = 2; return C.x
def delete(): del C.x; return C.x
def setfixed(): R.fixed = 5


for f in [lambda: C.kind, lambda: C.label, lambda: C.plain(C()), lambda: C.nothing,
          lambda: C().kind, lambda: getattr(C, "zzz"), lambda: hasattr(C, "q"), lambda: C.magic,
          assign, delete, lambda: setattr(C, "y", 3) or C.y, setfixed, lambda: R.fixed,
          lambda: R.nope, lambda: R.__name__]:
    t(f)
