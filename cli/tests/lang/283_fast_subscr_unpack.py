# Indexing, item assignment, unpacking and iteration of exact built-ins on the fast paths.
l = [10, 20, 30]
t = (1, "two", 3.0)
d = {"a": 1, 2: "b", (1, 2): [3]}
print(l[0], l[2], l[-1], l[-3], t[0], t[-1], d["a"], d[2], d[(1, 2)])
for bad in (3, -4, 2**40):
    try:
        print(l[bad])
    except IndexError as e:
        print("IndexError:", e)
    try:
        print(t[bad])
    except IndexError as e:
        print("IndexError:", e)
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e)
try:
    d[[1]]
except TypeError as e:
    print("TypeError:", e)
l[0] = "x"
l[-1] = "z"
d["new"] = 5
try:
    l[3] = 0
except IndexError as e:
    print("IndexError:", e)
print(l, d)
a, b = 1, 2; c, e, f = [4, 5, 6]
(g, h), i = (7, 8), 9
print(a, b, c, e, f, g, h, i)
for n, (p, q) in enumerate([(1, 2), [3, 4]]):
    print(n, p, q)
try:
    x, y = (1, 2, 3)
except ValueError as err:
    print("ValueError:", err)
print(sum(v for v in range(10, 0, -3)), [v for v in (5, 6)], list(range(-2, 3)))
