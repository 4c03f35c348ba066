# Special methods set to None, inherited from bases, replaced after the class is made.
import sys
class N:
    __iter__ = None
    __hash__ = None
    __contains__ = None
    def __getitem__(self, i): return i
class L:
    __len__ = None
for f in (lambda: iter(N()), lambda: hash(N()), lambda: 1 in N(), lambda: len(L()), lambda: {N()}):
    try: f()
    except TypeError as e: print("TypeError:", e)
class S:
    def __sizeof__(self): return "x"
print(sys.getsizeof(S(), -1), sys.getsizeof(S(), default="dflt"))
class Base:
    def __eq__(self, o): return type(o) is type(self)
    def __lt__(self, o): return id(self) < id(o)
    def __add__(self, o): return "Base.__add__"
    def __len__(self): return 3
class Child(Base):
    def __hash__(self): return 11
class Grand(Child): pass
print(Base.__hash__, hash(Child()), hash(Grand()), Grand() == Grand(), Grand() != Base())
print(Grand() + 1, len(Grand()), bool(Grand()), Grand.__add__ is Base.__add__)
Base.__add__ = lambda self, o: "replaced"
Base.__radd__ = lambda self, o: "radd added"
print(Grand() + 1, 1 + Grand(), 1 + Base())
del Base.__len__
try: len(Grand())
except TypeError as e: print("TypeError:", e)
Child.__len__ = lambda self: 0
print(len(Grand()), bool(Grand()), bool(Base()))
