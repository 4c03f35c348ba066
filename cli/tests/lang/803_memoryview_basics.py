import gc
import sys

def put(o, k, v):
    o[k] = v


m = memoryview(b"hello")
print(m[0], m[-1], bytes(m[1:3]), len(m), m.tobytes(), m.tolist(), m.hex())
print(sys.getsizeof(m), memoryview.__basicsize__, memoryview.__itemsize__, gc.is_tracked(m))
print(m.nbytes, m.obj, m.readonly, m.format, m.itemsize, m.ndim, m.shape, m.strides)
print(m[::2].tobytes(), m[::-1].tolist(), m[1:4][1:].tobytes(), m[1:].obj is m.obj)
print(m == b"hello", m == m[:], m[:2] == b"hx", hash(m) == hash(b"hello"), list(m[:2]))
print(type(iter(m)).__name__, m.c_contiguous, m[::2].contiguous)
ba = bytearray(b"abcdef")
w = memoryview(ba)
w[0] = 65
w[1:3] = b"BC"
print(ba, w.readonly, w.toreadonly().readonly, bytes(w[::2]))
for bad in [lambda: ba.append(1), lambda: ba.extend(b"x"), lambda: ba.clear(), lambda: ba.pop()]:
    try:
        bad()
    except BufferError as e:
        print("BufferError", e)
ba[0] = 97
print(ba)
w.release()
ba.append(33)
print(ba, sys.getsizeof(ba))
with memoryview(ba) as v:
    print(v[0], len(v))
for bad in [lambda: v[0], lambda: len(v), lambda: v.tobytes(), lambda: v.obj,
            lambda: m[9], lambda: put(m, 0, 1), lambda: memoryview(1),
            lambda: put(memoryview(bytearray(b"ab")), 0, 300), lambda: m["a"],
            lambda: hash(memoryview(bytearray())), lambda: put(memoryview(ba), 0, "a"),
            lambda: put(memoryview(ba), slice(0, 2), b"xyz")]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
