# Unions in ordinary programs: annotations of classes and methods, dispatch tables keyed by
# unions, unions of user classes (module-qualified in the repr), union objects in containers.
class Node:
    value: int | float
    next: "Node | None"
    def __init__(self, value: int | float, next: 'Node | None' = None) -> None:
        self.value, self.next = value, next
    def total(self) -> int | float:
        return self.value + (self.next.total() if self.next else 0)
print(Node.__annotations__, Node.__init__.__annotations__, Node.total.__annotations__)
print(Node(1, Node(2.5)).total())
class Shape: pass
class Circle(Shape): pass
class Square(Shape): pass
Round = Circle | None
print(Round, Circle | Square | Circle, (Circle | Square).__args__)
handlers = {int | float: "number", str | bytes: "text", list | tuple: "sequence"}
def kind(x):
    for types_, name in handlers.items():
        if isinstance(x, types_):
            return name
    return "other"
print([kind(v) for v in (1, 2.0, "s", b"b", [1], (1,), {1})])
print(handlers[float | int], (str | bytes) in handlers, (bytes | list) in handlers)
unions = [int | str, str | int, int | None, None | int, bool | int]
print(len(set(unions)), unions.count(int | str), unions.index(int | None))
print(sorted(repr(u) for u in unions))
import sys
print(sys.getsizeof(int | str) == sys.getsizeof(bytes | None))
def make(*types_):
    result = types_[0]
    for t in types_[1:]:
        result = result | t
    return result
print(make(int), make(int, str, int, bytes), make(None, int), make(int | str, bytes | int))
print(all(isinstance(v, make(int, str, None)) for v in (1, "a", None)))
print([t.__name__ for t in make(int, str, bytes).__args__])
