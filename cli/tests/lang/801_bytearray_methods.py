b = bytearray(b"hello world")
print(b.upper(), b.split(), b.split(b"o"), b.find(b"o"), b.count(b"l"))
print(b.startswith(b"he"), b.endswith((b"x", b"ld")), b.replace(b"l", b"L"), b.strip(b"hd"))
print(b.decode(), b.hex(), bytearray.fromhex("41 42"), bytearray(b",").join([b"a", bytearray(b"b")]))
print(b.isalpha(), bytearray(b"12").isdigit(), b.index(b"w"), b.lower(), b.rstrip(b"dl"))
c = b.copy()
c.reverse()
print(c, c is b, c == b, b.pop(), b.pop(0), b)
b.insert(0, 72)
b.insert(-1, 33)
b.insert(100, 63)
b.remove(ord("o"))
print(b, len(b))
print(bytearray(3), bytearray([1, 2, 255]), bytearray("hé", "utf-8"), bytearray(b"q"))
print(bytearray(b"a") == b"a", b"a" == bytearray(b"a"), bytearray(b"a") < b"b")
print(b"ab" + bytearray(b"c"), bytearray(b"c") + b"ab", bytearray(b"ab") * 3, 2 * bytearray(b"z"))
print(97 in bytearray(b"abc"), b"bc" in bytearray(b"abc"), list(bytearray(b"hi")))
print(bytes(bytearray(b"xy")), type(iter(bytearray())).__name__, repr(bytearray(b"it's")))
for bad in [lambda: bytearray(b"").pop(), lambda: b.remove(0), lambda: b.append(256),
            lambda: b.append("x"), lambda: bytearray("x"), lambda: bytearray(-1),
            lambda: hash(bytearray()), lambda: bytearray(b"") + "s", lambda: b.extend("ab"),
            lambda: bytearray(b"a", "utf-8"), lambda: b.pop(99), lambda: 300 in b]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(bytearray(b"%d-%s-%r") % (5, b"x", "y"), b"%s|%b" % (bytearray(b"ab"), memoryview(b"cd")), bytearray(b"%05.1f") % 2.25)
print(type(bytearray(b"%s") % b"q"), bytearray(b"a%%") % (), b"%s" % bytearray(b"z"))
try:
    bytearray(b"%d") % "x"
except TypeError as e:
    print(e)
