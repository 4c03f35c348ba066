# dir() of exception subclasses and plain classes, of their instances: the instance's own
# names, then the names along the MRO, sorted without repeats; no __classcell__.
class AppError(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code


class NotFound(AppError): pass


e = NotFound("missing", 404)
print(dir(e))
print(dir(NotFound))
print([n for n in dir(e) if not n.startswith("__")])
print(sorted(set(dir(e)) - set(dir(Exception()))))


class Point:
    __slots__ = ("x", "y")


class Plain:
    def __init__(self):
        self.a = 1


print(dir(Point))
print(dir(Plain()))
print(dir(Plain))


class Counted(Plain):
    def __init__(self):
        super().__init__()
        self.b = 2


print(dir(Counted()))
print("__classcell__" in Counted.__dict__, "__classcell__" in AppError.__dict__)
