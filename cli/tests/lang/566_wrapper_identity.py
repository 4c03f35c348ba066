# A built-in type's slot wrapper is one object per type dict entry: int.__add__ is
# int.__add__, a subclass reaches its base's very wrapper, and a method-wrapper is new each time.
print(int.__add__ is int.__add__, bool.__add__ is int.__add__)
print(object.__repr__ is object.__repr__, int.__repr__ is object.__repr__)
print(list.__len__ is list.__len__, str.__eq__ is str.__eq__, int.__add__ is float.__add__)
print(int.__hash__ is int.__hash__, list.__hash__, dict.__hash__ is None)

add = int.__add__
print(add(1, 2), add is int.__add__, add(1, 2.5))
print((1).__add__ is (1).__add__, (1).__add__(2))


class Money(int):
    pass


print(Money.__add__ is int.__add__, Money.__repr__ is int.__repr__)
print(Money.__add__(Money(2), 3), type(Money.__add__(Money(2), 3)).__name__)
seen = {int.__add__: "add", int.__sub__: "sub"}
print(seen[int.__add__], seen[int.__sub__], len(seen))
print(float.__mul__ is float.__mul__, float.__rmul__ is float.__mul__)
