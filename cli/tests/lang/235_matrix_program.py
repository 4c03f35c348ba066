def zeros(n, m):
    return [[0] * m for _ in range(n)]

def identity(n):
    return [[int(i == j) for j in range(n)] for i in range(n)]

def multiply(a, b):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]

def transpose(m):
    return [list(r) for r in zip(*m)]

a = [[1, 2, 3], [4, 5, 6]]
print(transpose(a))
print(multiply(a, identity(3)) == a)
print(multiply(a, transpose(a)))
bad = [[0] * 2] * 2
bad[0][0] = 1
print(bad, bad[0] is bad[1])
good = zeros(2, 2)
good[0][0] = 1
print(good, good[0] is good[1])
for row in multiply(transpose(a), a):
    print(" ".join(f"{v:3}" for v in row))
