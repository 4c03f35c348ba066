class Matrix:
    def __init__(self, rows):
        self.rows = rows

    def __matmul__(self, other):
        cols = list(zip(*other.rows))
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])

    def __imatmul__(self, other):
        self.rows = (self @ other).rows
        return self

    def __repr__(self):
        return f"Matrix({self.rows})"

a = Matrix([[1, 2], [3, 4]])
i = Matrix([[1, 0], [0, 1]])
print(a @ i, a @ a)
keep = a
a @= a
print(a, keep is a)
try:
    1 @ 2
except TypeError as e:
    print("TypeError:", e)
print(7 & 3, 7 | 8, 7 ^ 2, 1 << 3, 256 >> 4, 17 % 5, 2 ** 10)
print([1] * 3 + [2], "ab" * 2, (1,) + (2,))
