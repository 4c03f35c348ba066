# Exception subclasses with __eq__, __hash__, __new__ and __init__.
class MyErr(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
    def __eq__(self, other): return isinstance(other, MyErr) and self.code == other.code
    def __hash__(self): return hash(self.code)
e1, e2 = MyErr(1, "a"), MyErr(1, "b")
print(e1 == e2, e1 != e2, e1 == MyErr(2, "x"), e1 != 5, hash(e1), e1.args, str(e1), repr(e1))
print(len({e1, e2}), e1 in [e2])
class E2(ValueError): __eq__ = lambda self, o: True
print(E2() == 1, E2() != 1, 1 == E2())
try: hash(E2())
except TypeError as e: print(e)
class E3(KeyError):
    def __new__(cls, *a):
        print("new", a)
        return super().__new__(cls, *a)
    def __init__(self, *a):
        print("init", a)
        super().__init__(*a)
try: raise E3("k")
except KeyError as e: print(repr(e), e.args, str(e))
class E4(Exception):
    def __new__(cls, *a):
        self = super().__new__(cls, *a)
        self.made = True
        return self
e4 = E4(1, 2)
print(e4.args, e4.made, repr(e4))
class E5(Exception):
    instance = None
    def __new__(cls, *a):
        if cls.instance is None:
            cls.instance = super().__new__(cls)
        return cls.instance
print(E5("a") is E5("b"), E5("c").args)
class NotMine(Exception):
    def __new__(cls, *a): return 42
print(NotMine("x"))
