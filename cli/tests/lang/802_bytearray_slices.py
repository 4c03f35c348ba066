def put(o, k, v):
    o[k] = v


def drop(o, k):
    del o[k]


b = bytearray(b"abcdefgh")
print(b[0], b[-1], b[2:5], b[::2], b[::-1], b[5:2:-1])
b[0] = 65
b[1:3] = b"XYZ"
print(b)
b[::2] = b"12345"
print(b)
b[2:4] = [48, 49, 50]
print(b)
b[:] = b
print(b)
del b[1]
del b[::3]
print(b)
b[len(b):] = bytearray(b"!!")
print(b)
del b[:]
print(b, len(b))
b = bytearray(b"abc")
b[1:1] = memoryview(b"xyz")
print(b)
for bad in [lambda: b[10], lambda: put(b, 10, 1), lambda: put(b, 0, 256),
            lambda: put(b, slice(None, None, 2), b"x"), lambda: b["a"],
            lambda: put(b, slice(0, 1), 5), lambda: put(b, slice(0, 1), "x"),
            lambda: put(b, 0, "x"), lambda: drop(b, 10)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
