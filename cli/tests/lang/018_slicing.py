l = list(range(10))
print(l[2:5], l[:3], l[7:], l[-3:], l[::3], l[::-2], l[8:2:-2])
print(l[100:], l[-100:2], l[5:1])
s = slice(1, 8, 2)
print(l[s], s.start, s.stop, s.step, s.indices(5))
l[2:4] = ["a", "b", "c"]
print(l)
l[::2] = [0] * 6
print(l)
try:
    l[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
l[:] = []
print(l)
t = tuple(range(6))
print(t[1:4], "python"[1:4], "python"[::-1])
m = [1, 2, 3]
copy = m[:]
print(copy == m, copy is m)
