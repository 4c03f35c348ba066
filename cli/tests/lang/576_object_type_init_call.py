# object.__init__, type.__init__ and type.__call__ are slot wrappers with CPython's argument
# checks; super().__init__() and super().__new__(cls) reach object's in a plain class.
print(object.__init__, type.__init__, type.__call__, object.__dict__["__init__"] is object.__init__)
for text in ["object.__init__(5)", "object.__init__(5, 1)", "object.__init__(object(), 1)", "object.__init__()", "type.__init__(int)", "type.__init__(int, 1)", "type.__init__(int, 1, 2, 3)", "type.__init__(5)", "type.__call__(int, '5')", "type.__call__(5)", "type.__call__(type, 5)", "type.__call__()", "object.__init__(5, x=1)", "type.__init__(int, x=1)", "object.__init__([], 1)"]:
    try: print(text, '->', eval(text))
    except TypeError as e: print(text, '!!', type(e).__name__, e)
class A: pass
class B:
    def __init__(s, x): super().__init__()
class N:
    def __new__(c, *a): return super().__new__(c)
for text in ["object.__init__(A(), 1)", "object.__init__(B(1), 1)", "object.__init__(N(), 1)", "A.__init__", "A().__init__()", "B.__init__ is object.__init__", "N(1).__init__(2)"]:
    try: print(text, '->', eval(text))
    except TypeError as e: print(text, '!!', type(e).__name__, e)
class M(type):
    def __call__(cls, *a):
        print("M.__call__", a)
        return type.__call__(cls, *a)
    def __init__(cls, *a):
        type.__init__(cls, *a)
        super().__init__(*a)
class C(metaclass=M):
    def __init__(self, x): self.x = x
print(C(5).x, M.__init__ is type.__init__, M.__call__ is type.__call__)
