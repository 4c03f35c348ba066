import sys

def bad(item, bucket=[]):
    bucket.append(item)
    return bucket

r1 = bad(1)
r2 = bad(2)
print(r1, r2, r1 is r2)
print(bad.__defaults__[0] is r1)
print(sys.getrefcount(r1))
print(sys.getsizeof(bad.__defaults__[0]))
for i in range(10):
    bad(i)
print(len(bad.__defaults__[0]), sys.getsizeof(bad.__defaults__[0]))
def good(item, bucket=None):
    bucket = [] if bucket is None else bucket
    bucket.append(item)
    return bucket
print(good(1), good(2), good.__defaults__)
