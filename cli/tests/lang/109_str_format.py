print("{} and {}".format("spam", "eggs"))
print("{0} {1} {0}".format("a", "b"))
print("{name} is {age}".format(name="Ann", age=30))
print("{:>8}|{:<8}|{:^8}|".format("r", "l", "c"))
print("{:.3f} {:,} {:08.2f} {:+}".format(3.14159, 1000000, -3.5, 7))
point = {"x": 1, "y": 2}
print("{x},{y}".format(**point))
print("{0[x]} {0[y]}".format(point))
class P:
    x = 5
print("{0.x} {p.x}".format(P, p=P))
print("{!r} {!s}".format("s", "s"))
print("{:{}}|".format("w", 5))
print("{{}} {}".format("braces"))
print("{:b} {:o} {:x} {:e}".format(10, 10, 255, 12345.678))
print(format(0.5, "%"), format(42, "*^7"), format("x", "3"))
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError:", e)
