# classmethod and staticmethod: binding, alternative constructors, the wrapped function.
class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_string(cls, s):
        return cls(*map(int, s.split("-")))
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    def show(self):
        return f"{type(self).__name__}({self.y}, {self.m}, {self.d})"
class Birthday(Date):
    pass
print(Date.from_string("2024-02-29").show(), Birthday.from_string("2000-01-01").show())
print(Date.is_leap(2024), Date(1, 1, 1).is_leap(1900), Birthday.is_leap(2000))
b = Birthday(1, 2, 3)
print(b.from_string("3-4-5").show())
cm, sm = Date.__dict__["from_string"], Date.__dict__["is_leap"]
print(type(cm).__name__, type(sm).__name__, cm.__func__.__name__, sm.__func__ is sm.__wrapped__)
print(Date.from_string.__self__ is Date, Birthday.from_string.__self__ is Birthday)
print(Date.is_leap is sm.__func__, b.is_leap is sm.__func__)
print(sm(1996), staticmethod(len)("four"), classmethod(1), staticmethod(None))
try:
    cm()
except TypeError as e:
    print("TypeError:", e)
for args in ((), (1, 2)):
    try:
        classmethod(*args)
    except TypeError as e:
        print("TypeError:", e)
def counter(cls):
    cls.count = getattr(cls, "count", 0) + 1
    return cls.count
class A:
    bump = classmethod(counter)
class B(A):
    pass
print(A.bump(), A.bump(), B.bump(), A.count, B.count)
