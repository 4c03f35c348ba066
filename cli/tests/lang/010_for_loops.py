for i in range(3):
    print("i", i)
for ch in "abc":
    print(ch, end=" ")
print()
for k, v in [("a", 1), ("b", 2)]:
    print(k, v)
for x in [1, 2, 3]:
    if x == 10:
        break
else:
    print("no break, else runs")
for x in [1, 2, 3]:
    if x == 2:
        break
else:
    print("not printed")
print("x after loop:", x)
for i in range(10, 0, -3):
    print(i, end=",")
print()
for _ in range(0):
    print("never")
nested = [[1, 2], [3, 4]]
for row in nested:
    for cell in row:
        if cell == 3:
            continue
        print(cell, end=" ")
print()
