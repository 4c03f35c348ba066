import gc
import sys

b = bytearray()
print(sys.getsizeof(b), bytearray.__basicsize__, bytearray.__itemsize__, gc.is_tracked(b))
sizes = []
for i in range(40):
    b.append(i)
    sizes.append(sys.getsizeof(b))
print(sizes)
print(b.__alloc__(), len(b))
print(sys.getsizeof(bytearray(10)), sys.getsizeof(bytearray(b"abc")))
big = bytearray(10**8)
print(len(big), sys.getsizeof(big), big[-1], big[:3])
del big
d = bytearray(b"abcdef")
del d[:2]
print(d, sys.getsizeof(d))
d.append(1)
print(d, sys.getsizeof(d))
d = bytearray(b"abcdef")
d.extend(b"xyz")
print(sys.getsizeof(d))
d.extend(range(10))
print(sys.getsizeof(d), len(d))
d = bytearray(b"abcdef")
d += b"xyz"
print(sys.getsizeof(d))
d *= 3
print(sys.getsizeof(d), len(d))
d.clear()
print(d, sys.getsizeof(d))
e = bytearray(b"x" * 100)
del e[10:]
print(len(e), sys.getsizeof(e))
e[2:2] = b"12345"
print(e, sys.getsizeof(e))
