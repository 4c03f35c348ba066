import sys

l = list(range(10))
del l[2:5]
print(l)
del l[:2]
print(l)
del l[-2:]
print(l)
l = list(range(10))
del l[::2]
print(l)
l = list(range(10))
del l[1::3]
print(l)
l = list(range(10))
del l[::-3]
print(l)
l = list(range(20))
print(sys.getsizeof(l))
del l[::2]
print(len(l), sys.getsizeof(l))
del l[:]
print(l, sys.getsizeof(l))
b = bytearray(b"abcdef")
del b[::2]
print(b)
