import array
import gc
import sys

print(array.typecodes, array.ArrayType is array.array, array.array.__basicsize__)
a = array.array("i")
print(a, sys.getsizeof(a), gc.is_tracked(a), a.itemsize, a.typecode)
sizes = []
for i in range(30):
    a.append(i)
    sizes.append(sys.getsizeof(a))
print(sizes)
b = array.array("i", [1, 2, 3])
print(b, sys.getsizeof(b), b[1], b[-1], b[::-1], b[1:], list(b), 2 in b)
b.append(4)
print(sys.getsizeof(b), b.tolist(), b.tobytes())
for code in array.typecodes:
    x = array.array(code, "ab" if code == "u" else [1, 2])
    print(code, x.itemsize, x, x.tolist(), sys.getsizeof(x), len(x.tobytes()))
print(array.array("b", b"abc"), sys.getsizeof(array.array("b", b"abc")))
print(sys.getsizeof(array.array("b", range(3))), sys.getsizeof(array.array("b", (1, 2, 3))))
print(array.array("d", [1.0, 2.5]), array.array("f", [0.1]), array.array("u", "hi").tounicode())
c = array.array("h", [5, 1, 4])
c.extend([9, 9])
c.extend(array.array("h", [7]))
c.insert(0, -1)
print(c, c.pop(), c.pop(0), c.count(9), c.index(4), c)
c.remove(9)
c.reverse()
print(c, c == array.array("h", [4, 1, 5]), c < array.array("h", [5]), c * 2, c + c)
c += array.array("h", [3])
c *= 2
c.frombytes(b"\x01\x00")
c.fromlist([8])
print(c, len(c), bytes(c)[:4], memoryview(c).tolist(), memoryview(c).format)
c[0] = 100
c[1:3] = array.array("h", [0])
del c[::2]
print(c, array.array("i", [1, 2]) == array.array("d", [1.0, 2.0]))
