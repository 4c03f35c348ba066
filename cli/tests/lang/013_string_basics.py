import sys

s = "Hello, World"
print(len(s), s[0], s[-1], s[7:], s[:5], s[::2], s[::-1])
print(s.upper(), s.lower(), s.swapcase())
print(s.split(", "), "-".join(["a", "b", "c"]))
print(s.replace("l", "L", 2), s.find("o"), s.rfind("o"), s.count("l"))
print(s.startswith("Hell"), s.endswith("x"), "  pad  ".strip() + "|")
print("abc" * 3, "a" + "b")
print(sys.getsizeof(""), sys.getsizeof("a"), sys.getsizeof("hello"))
print(sys.getsizeof("é"), sys.getsizeof("€"), sys.getsizeof("😀"))
print(ord("A"), chr(66), "x".isalpha(), "12".isdigit())
print("a,b,,c".split(","), "line1\nline2".splitlines())
print(s.center(20, "*"), s.ljust(15, ".") + "|", "7".zfill(3))
print(str(42), repr("quote's"), repr('say "hi"'))
a = "interned"
b = "interned"
print(a is b)
