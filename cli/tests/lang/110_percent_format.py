name, age = "Ann", 30
print("%s is %d years old" % (name, age))
print("%5s|%-5s|%05d|%+d" % ("r", "l", 42, 7))
print("%.2f %10.3f %e %g" % (3.14159, 2.71828, 12345.678, 0.0001))
print("%x %X %o %#x %#o" % (255, 255, 8, 255, 8))
print("%r %s %a" % ("q", "q", "é"))
print("%(name)s: %(age)d" % {"name": "Bob", "age": 40})
print("%c%c" % (72, "i"), "%%", "100%%" % ())
print("%s" % [1, 2], "%s" % (1,), "%d%%" % 50)
print("%*d|%-*d|" % (5, 1, 4, 2))
print("%.3s" % "abcdef")
try:
    "%d" % "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "%s %s" % ("only one",)
except TypeError as e:
    print("TypeError:", e)
print(b"%s-%d" % (b"bytes", 5))
