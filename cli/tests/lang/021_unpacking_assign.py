a, b = 1, 2
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
h, *mid, t = range(6)
print(h, mid, t)
a, *b = (1,)
print(a, b)
[x, y] = "xy"
print(x, y)
for i, (p, q) in enumerate([(1, 2), (3, 4)]):
    print(i, p, q)
try:
    m, n = [1, 2, 3]
except ValueError as err:
    print("ValueError:", err)
try:
    m, n, o = [1, 2]
except ValueError as err:
    print("ValueError:", err)
d = {"k1": 1, "k2": 2}
k1, k2 = d
print(k1, k2)
