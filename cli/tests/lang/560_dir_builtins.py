# dir() of built-in objects and types: the names along the type's MRO, sorted.
for obj in [1, 2.5, 1j, True, "s", b"b", (1,), [1], {1: 2}, {1}, frozenset(), range(3), None,
            ..., NotImplemented, object(), ValueError("x"), KeyError(1), StopIteration(3)]:
    names = dir(obj)
    print(type(obj).__name__, len(names), names == sorted(names))
    print(names)

for t in [int, bool, float, str, bytes, tuple, list, dict, set, frozenset, object, type,
          BaseException, Exception, OSError, SyntaxError, UnicodeDecodeError]:
    print(t.__name__, dir(t))

print([n for n in dir(list) if not n.startswith("_")])
print([n for n in dir(str) if not n.startswith("_")])
print([n for n in dir(dict) if not n.startswith("_")])
print("append" in dir([]), "bit_length" in dir(7), "__dict__" in dir(7))
print(set(dir(int)) - set(dir(object)) == set(dir(int)).difference(dir(object)))
print(sorted(set(dir(bool)) - set(dir(int))))
