def f(a, b=2, *, c=3):
    "doc"
    return a
f.__name__ = "g"
f.__qualname__ = "Outer.g"
print(f.__name__, f.__qualname__, repr(f).startswith("<function Outer.g at 0x"))
f.x = 1
f.__dict__["y"] = 2
print(f.x, f.y, f.__dict__)
del f.x
print(f.__dict__, hasattr(f, "x"))
f.__dict__ = {"z": 3}
print(f.z, f.__annotations__, f.__type_params__)
del f.__doc__
print(f.__doc__, f.__defaults__, f.__kwdefaults__)
f.__defaults__ = None
f.__doc__ = "again"
print(f.__defaults__, f.__doc__)
del f.__annotations__
print(f.__annotations__)
f.__module__ = "elsewhere"
print(f.__module__)
def h(): pass
h.__code__ = (lambda: 5).__code__
print(h())
print(vars(f))
