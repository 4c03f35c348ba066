import array, sys
a = array.array("i", [1, 2, 3])
c = a.__copy__(); d = a.__deepcopy__({})
print(c, d, c is a, c == a, a.__sizeof__(), sys.getsizeof(a), bytearray(b"abc").__sizeof__())
print(type(bytearray.__sizeof__).__name__, type(bytearray.__iter__).__name__, type(bytearray.__mod__).__name__)
print(list(bytearray(b"ab").__iter__()), list(array.array("b", [5]).__iter__()), list(memoryview(b"xy").__iter__()))

for name in ("__iter__", "__sizeof__", "__mod__", "__getitem__", "__setitem__", "__iadd__"):
    print(name, [name in t.__dict__ for t in (bytearray, memoryview, bytes)])
b = bytearray(b"abc")
print(bytearray.__mod__(bytearray(b"%d"), 5), bytearray.__sizeof__(b), bytearray.__iter__(b).__next__())
