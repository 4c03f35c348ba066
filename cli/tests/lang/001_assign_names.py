import sys

a = 1
b = a
print(a is b, a == b)
x = y = z = [1, 2, 3]
print(x is y, y is z)
print(sys.getrefcount(x))
del y
print(sys.getrefcount(x))
a, b = b, a
print(a, b)
n = 10
n = n + 5
print(n)
s = "hello"
t = s
print(s is t, sys.getsizeof(s))
big = 2 ** 70
print(big, sys.getsizeof(big))
print(sys.getsizeof(0), sys.getsizeof(1), sys.getsizeof(2 ** 30))
