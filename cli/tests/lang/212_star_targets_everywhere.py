first, *middle, last = range(7)
print(first, middle, last)
for a, *rest in [(1, 2, 3), (4,)]:
    print(a, rest)
[*head, tail] = "xyz"
print(head, tail)
*everything, = (1, 2)
print(everything)
(a, *b), c = [1, 2, 3], 4
print(a, b, c)
records = [("ann", 1, 2, 3), ("bob", 4)]
for name, *scores in records:
    print(name, sum(scores), len(scores))
try:
    x, *y, z = [1]
except ValueError as e:
    print("ValueError:", e)
def f():
    return 1, 2, 3, 4
*_, penultimate, ultimate = f()
print(penultimate, ultimate)
