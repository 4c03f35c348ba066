# The loop's int fast paths against the generic ones: signs, bounds, the small-int cache.
import sys

def ops(a, b):
    out = [a + b, a - b, a * b, a & b, a | b, a ^ b]
    if b:
        out += [a // b, a % b]
    return out

vals = [0, 1, -1, 7, -7, 2, -2, 255, 256, 257, -5, -6, 2**30 - 1, -(2**30 - 1), 2**30, 2**62]
for a in vals:
    for b in (3, -3, 1, -1, 0, 2**30 - 1, -(2**30)):
        print(a, b, ops(a, b))
x = 100
x += 156
k, k1 = 256, 257
print(x, x is k, (x + 1) == k1)
y = 2**30 - 1
y *= 2**30 - 1
print(y, type(y))
print(True + True, True * 3, False - 1, type(True + 1))
t = 0
for i in range(100):
    t -= i * i % 7
print(t)
try:
    print(5 // 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    print(5 % 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(sys.getrefcount(1000 + 1) > 0)
