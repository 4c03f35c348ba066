import sys

d = {}
last = sys.getsizeof(d)
print("empty", last)
for i in range(100):
    d[i] = None
    size = sys.getsizeof(d)
    if size != last:
        print(f"{len(d):3} keys -> {size}")
        last = size
for i in range(90):
    del d[i]
print("after deleting 90:", len(d), sys.getsizeof(d))
print(sys.getsizeof(dict.fromkeys(range(100))), sys.getsizeof({i: None for i in range(100)}))
print(sys.getsizeof({"a": 1}), sys.getsizeof(dict(a=1)))
