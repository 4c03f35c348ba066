# The descriptors of built-in types' dicts work when called through the dict, and refuse a
# receiver of another type with CPython's messages.
l = []
list.__dict__["append"](l, 1)
list.append(l, 2)
print(l, int.__dict__["bit_length"](5), str.__dict__["upper"]("ab"))
print(tuple.count((1, 1, 2), 1), float.is_integer(2.0), int.conjugate(True), dict.get({1: 2}, 1))
print(bytes.hex(b"ab"), range.count(range(5), 3), frozenset.union(frozenset([1]), [2]))
print(int.real.__get__(5), int.__dict__["real"].__get__(7, int), int.imag.__get__(7))
print(int.numerator, (7).numerator, int.denominator, (7).denominator, range(3, 9).start)
print(type(int.real).__name__, type(list.append).__name__, type(range.start).__name__)
print(int.real.__name__, int.real.__objclass__, int.real.__qualname__)
print(list.append.__name__, list.append.__qualname__, list.append.__objclass__)
for text in [
    "list.__dict__['append'](5, 1)",
    "list.append(5, 1)",
    "list.append()",
    "str.join(1, [])",
    "int.bit_length('x')",
    "dict.get([], 1)",
    "set.add(frozenset(), 1)",
    "list.append([], 1, 2)",
    "str.upper('a', 'b')",
]:
    try:
        print(text, "->", eval(text))
    except TypeError as e:
        print(text, "!!", type(e).__name__, e)
try:
    (5).real = 3
except AttributeError as e:
    print(type(e).__name__, e)
try:
    int.real = 3
except TypeError as e:
    print(type(e).__name__, e)
