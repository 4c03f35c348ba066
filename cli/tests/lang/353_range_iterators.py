# Iterators of ranges of every size: empty, negative steps, bounds around one and two digits,
# at the edges of a C long and past them (the long iterator), reversed; loop variables stored
# straight from the iterator, and comprehensions over ranges.
rs = [range(0), range(5), range(-3, 3), range(10, 0, -3), range(0, 10, 4),
      range(2**30 - 2, 2**30 + 2), range(2**62, 2**62 + 3), range(-2**63, -2**63 + 2),
      range(2**64, 2**64 + 2), range(5, 0), range(0, -5, -1)]
for r in rs:
    it = iter(r)
    print(r, type(it).__name__, list(it), list(reversed(r))[:3], next(it, "done"))

total = 0
for i in range(10):
    for j in range(i):
        total += i * j
print(total, [i for i in range(3) if i != 1], sum(k for k in range(100)))


def last(n):
    for k in range(n):
        pass
    return k


print(last(7), last(1))
try:
    last(0)
except UnboundLocalError as e:
    print("UnboundLocalError", e)
it = iter(range(3))
for a in it:
    for b in it:
        print(a, b)
print(list(zip(range(3), range(10, 13))), [x for x in range(-2, 2) for y in range(x)])
