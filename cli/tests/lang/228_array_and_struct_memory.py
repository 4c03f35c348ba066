import array
import struct
import sys

nums = list(range(1000))
arr = array.array("i", nums)
print(sys.getsizeof(nums), sys.getsizeof(arr), arr.itemsize)
print(sum(sys.getsizeof(n) for n in nums[:10]))
doubles = array.array("d", [1.0, 2.5])
doubles.append(3.5)
print(doubles, doubles.tolist(), doubles.itemsize)
packed = struct.pack("<iid", 1, 2, 3.5)
print(len(packed), struct.unpack("<iid", packed), struct.calcsize("<iid"))
print(struct.calcsize("i"), struct.calcsize("q"), struct.calcsize("?"))
b = bytes(arr[:2])
print(b, len(b))
print(array.array("b", b"abc"), array.array("u", "hi"))
