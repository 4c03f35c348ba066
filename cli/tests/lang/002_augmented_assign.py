import sys

n = 5
n += 3
n -= 1
n *= 4
n //= 3
n %= 5
n **= 3
n <<= 2
n >>= 1
n |= 1
n &= 0xFF
n ^= 0b1010
print(n)
f = 7.0
f /= 2
print(f)
l = [1, 2]
before = l
l += [3, 4]
print(l, l is before)
t = (1, 2)
old = t
t += (3,)
print(t, t is old)
s = "ab"
s *= 3
print(s, sys.getsizeof(s))
m = [0]
m *= 3
print(m, sys.getsizeof(m))
