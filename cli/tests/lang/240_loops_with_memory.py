import sys
import gc

gc.collect()
rows = []
for i in range(3):
    row = [i] * 4
    rows.append(row)
    print(i, sys.getsizeof(row), sys.getrefcount(row))
print(sys.getrefcount(rows[0]), sys.getrefcount(rows[-1]))
total = 0
for r in rows:
    for v in r:
        total += v
print(total, gc.get_count()[0] > 0)
squares = {}
for n in range(6):
    squares[n] = n * n
print(squares, sys.getsizeof(squares))
i = 0
while i < 3:
    i += 1
print(i, sys.getrefcount(i) > 1000)
