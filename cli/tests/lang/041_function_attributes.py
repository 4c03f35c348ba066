def documented(a, b=1, *args, c, d=2, **kw):
    "Adds things."
    local = a + b
    return local

print(documented.__name__, documented.__qualname__, documented.__doc__)
print(documented.__defaults__, documented.__kwdefaults__)
code = documented.__code__
print(code.co_argcount, code.co_kwonlyargcount, code.co_nlocals)
print(code.co_varnames)
print(documented.__module__)
documented.custom = "attr"
print(documented.custom, sorted(documented.__dict__))
def outer():
    def inner():
        pass
    return inner
print(outer().__qualname__)
print(type(documented.__code__).__name__, documented.__globals__ is globals())
