import sys

def f():
    pass

for thing in (1, 1.5, "s", b"b", [1], (1,), {1: 2}, {1}, None, True, f, int, sys):
    print(type(thing).__name__, isinstance(thing, object))
print(type(type), type(object), type.__mro__)
print(int.__mro__, bool.__mro__)
print(sys.getsizeof(object()), sys.getsizeof(int), sys.getsizeof(f) > 0)
print(callable(int), callable(f), callable(sys))
f.note = "functions have attributes"
print(f.note, len(dir(f)) > 20)
