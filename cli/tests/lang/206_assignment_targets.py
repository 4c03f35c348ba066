class Obj:
    pass

o = Obj()
o.a = o.b = 1
print(o.a, o.b)
d = {}
d["x"] = d["y"] = []
d["x"].append(1)
print(d, d["x"] is d["y"])
l = [0, 0, 0]
i = 0
i, l[i] = 1, 5
print(i, l)
o.items = [0, 0]
o.items[1], o.c = "set", "attr"
print(o.items, o.c)
m = [[0] * 2 for _ in range(2)]
m[1][0] = 9
print(m)
a = b = c = 0
a += 1
print(a, b, c)
(x, y), [z, *w] = (1, 2), "abc"
print(x, y, z, w)
for o.loopvar in range(2):
    pass
print(o.loopvar)
