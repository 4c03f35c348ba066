# int.__index__ is a slot wrapper (an exact int); float and str have __getnewargs__ and
# __format__ (and str __sizeof__), in their dicts as method descriptors.
print(int.__index__, int.__index__(True), type(int.__index__(True)).__name__, (5).__index__(), float.__getnewargs__(2.5), (1.5).__format__(".3f"), float.__format__(2.0, ""))
for text in ["float.__index__", "int.__index__(2.5)", "float.__format__(1.0, 3)", "float.__getnewargs__(1)"]:
    try: print(text, '->', eval(text))
    except (TypeError, AttributeError) as e: print(text, '!!', type(e).__name__, e)
print([n for n in float.__dict__ if n in ("__getnewargs__", "__format__", "__int__", "__float__")])
class I(int):
    pass


class S(str):
    pass


print(I(3).__index__(), type(I(3).__index__()).__name__, [1, 2, 3][True], hex(True))
print(int.__index__ is int.__dict__["__index__"], (7).__index__ == (7).__index__)
print("ab".__format__(">4"), "ab".__sizeof__(), "\u00e9".__sizeof__(), "ab".__getnewargs__())
print(type(S("x").__getnewargs__()[0]).__name__, str.__format__("a", ""), str.__format__(S("q"), ""))
for text in ['str.__format__("a", 1)', "str.__sizeof__(1)", 'str.__getnewargs__("a", 1)']:
    try:
        print(text, "->", eval(text))
    except TypeError as e:
        print(text, "!!", type(e).__name__, e)
print([n for n in str.__dict__ if n in ("__format__", "__sizeof__", "__getnewargs__", "join")])
