# sys.getallocatedblocks() under each PYTHONMALLOC: pymalloc's blocks, 0 without it.
import sys

before = sys.getallocatedblocks()
floats = [float(i) for i in range(1000)]
during = sys.getallocatedblocks()
print(type(before).__name__, before > 0, during - before >= 999)
del floats
after = sys.getallocatedblocks()
print(after - before < 200)
big = [bytes(1000) for i in range(10)]
print(sys.getallocatedblocks() - after < 20)
print(sys.getsizeof(1.5), sys.getsizeof([]), sys.getsizeof(object(), 7))


class NoSize:
    def __sizeof__(self):
        raise TypeError("no size")


print(sys.getsizeof(NoSize(), -1))
try:
    sys.getallocatedblocks(1)
except TypeError as e:
    print(e)
