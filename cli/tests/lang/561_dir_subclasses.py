# dir() of subclasses of list, dict and the exceptions, of their instances, and of plain
# classes: the instance's own names, then the names along the MRO, sorted without repeats.
class Stack(list):
    """A list with push and peek."""

    def push(self, item):
        self.append(item)

    def peek(self):
        return self[-1]


s = Stack()
s.push(1)
s.label = "mine"
print(dir(Stack))
print(dir(s))
print([n for n in dir(s) if not n.startswith("__")])


class Registry(dict):
    kind = "registry"


print([n for n in dir(Registry()) if not n.startswith("__")])


class AppError(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code


class NotFound(AppError):
    pass


e = NotFound("missing", 404)
print(dir(e))
print(dir(NotFound))
print([n for n in dir(e) if not n.startswith("__")])
print(set(dir(e)) - set(dir(Exception())))


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
