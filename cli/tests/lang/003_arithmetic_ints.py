import sys

print(7 + 3, 7 - 3, 7 * 3, 7 / 3, 7 // 3, 7 % 3, 7 ** 3)
print(-7 // 3, -7 % 3, 7 // -3, 7 % -3)
print(divmod(17, 5), divmod(-17, 5))
print(2 ** 100)
print(2 ** -1, (-2) ** 3, -2 ** 2)
print(abs(-5), pow(3, 4), pow(3, 4, 5))
print(1 << 65, (1 << 65) >> 60)
print(~5, -~5, 5 & 3, 5 | 3, 5 ^ 3)
for n in (0, 1, 255, 2 ** 30 - 1, 2 ** 30, 2 ** 60, 2 ** 64, -(2 ** 64)):
    print(n, sys.getsizeof(n))
print(int("42"), int("ff", 16), int("-0b101", 0))
print(10 ** 20 // 7, 10 ** 20 % 7)
print(True + True, True * 10, False - 1)
