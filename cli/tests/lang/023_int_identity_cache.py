import sys

a = 256
b = 256
print(a is b)
x = int("257")
y = int("257")
print(x is y, x == y)
s = int("-5")
t = int("-5")
print(s is t)
u = int("-6")
v = int("-6")
print(u is v)
print(sys.getrefcount(0) == sys.getrefcount(1))
print(sys.getrefcount(None))
print(sys.getrefcount(1000000000000))
n = 10 ** 6
print(sys.getrefcount(n))
m = n
print(sys.getrefcount(n))
print(sys.getsizeof(True), sys.getsizeof(None))
