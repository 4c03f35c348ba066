# Float arithmetic and comparisons of ints, floats and strs on the loop's fast paths.
nan = float("nan")
inf = float("inf")
vals = [0.0, -0.0, 1.5, -2.25, 1e308, inf, -inf, nan]
for a in vals:
    row = []
    for b in vals:
        row.append((a + b, a - b, a * b, a < b, a <= b, a == b, a != b, a > b, a >= b))
    print(a, row)
for a in vals:
    try:
        print(a / 2.0, a / -0.5, a / 0.0)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
x = 0.1
x += 0.2
x *= 3.0
x -= 1.0
x /= 7.0
print(x, repr(x))
for a, b in [(1, 2), (2, 2), (-3, 2), (2**30, 2**30 - 1), (1, 1.0), (True, 1)]:
    print(a < b, a <= b, a == b, a != b, a > b, a >= b)
s = "spam"
for t in ["spam", "spa" + "m", "eggs", "", "späm", "spam!"[:4]]:
    print(repr(t), s == t, s != t, s < t, t >= s)
print(1 == 1.0, 1.0 == 1, "1" == 1, None == None, [1] == [1])
print([x ** y for x in (0.5, 2.0, 1e-300, 3.7) for y in (0.5, -1.5, 2.0, 0.0, 1e10, -1e10)])
for x, y in [(10.0, 1e10), (-8.0, 0.5), (0.0, -1.0), (-2.0, 3.0), (inf, 0.5), (2.0, nan)]:
    try:
        print(x ** y)
    except (OverflowError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
