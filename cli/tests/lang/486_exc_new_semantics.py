# BaseException.__new__ sets args from the call's arguments before __init__ runs, so a
# subclass __init__ that never calls the base still has them; __new__ alone runs no
# __init__; __reduce__ and __setstate__.
class Lazy(Exception):
    def __init__(self, a, b=0):
        self.total = a + b


x = Lazy(1, b=2)
print(x.args, x.total, str(x), repr(x))
y = BaseException.__new__(Lazy, 5, 6)
print(type(y).__name__, y.args, hasattr(y, "total"))
z = ValueError.__new__(ValueError, "no init")
print(repr(z))
Exception.__init__(z, "re", "init")
print(repr(z), z.args)
print(Lazy(1).__reduce__())
print(ValueError("v").__reduce__())
w = Lazy(2)
w.total = 9
print(w.__reduce__())
fresh = Lazy.__new__(Lazy)
fresh.__setstate__({"total": 4, "tag": "t"})
print(fresh.total, fresh.tag, fresh.args)
for bad in (lambda: BaseException.__new__(int), lambda: BaseException.__new__(3),
            lambda: KeyError.__new__(ValueError), lambda: BaseException.__new__(OSError),
            lambda: BaseException.__new__(), lambda: fresh.__setstate__(5)):
    try:
        bad()
    except TypeError as t:
        print(t)
