# functools.singledispatch and singledispatchmethod: dispatch on the first argument's class.
from functools import singledispatch, singledispatchmethod

@singledispatch
def describe(x):
    "Describe a value."
    return "object"
@describe.register
def _(x: int):
    return "int"
@describe.register(list)
def _(x):
    return "list"
describe.register(str, lambda x: "str")
@describe.register
def _(x: float | complex):
    return "number"
class MyList(list):
    pass
print(describe(1), describe(True), describe([1]), describe(MyList()), describe("a"), describe(1.5))
print(describe(2j), describe(None), describe.__name__, describe.__doc__, describe.dispatch(bool).__name__)
print(sorted(c.__name__ for c in describe.registry), describe.registry[object] is describe.__wrapped__)
for bad in [lambda: describe.register(1), lambda: describe(), lambda: describe.register(lambda x: 1)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", str(e).split(" at 0x")[0])
class Shape:
    @singledispatchmethod
    def area(self, arg):
        return "generic"
    @area.register
    def _(self, arg: int):
        return f"int {arg} on {type(self).__name__}"
print(Shape().area(3), Shape().area("x"))
