import array, sys
def show(f):
    try: print(repr(f())[:60])
    except Exception as e: print(type(e).__name__, str(e)[:80])
b = bytearray(b"abcdef")
show(lambda: bytearray(2**62))
show(lambda: bytearray(2**70))
show(lambda: bytearray(b"a") * (2**62))
show(lambda: array.array("d", [1.0]) * (2**61))
show(lambda: array.array("d", [1.0]) * (-3))
show(lambda: b[5:2])
def f1(): b[5:2] = b"xyz"; return b
show(f1)
def f2(): b[::-2] = b"123"; return b
show(f2)
def f3(): del b[::-1]; return b
show(f3)
def f4(): b[10:20] = b"zz"; return b
show(f4)
m = memoryview(bytearray(b"abcdef"))
show(lambda: m[::-2].tobytes())
show(lambda: m[::-2][::-1].tolist())
def f5(): m[::-2] = b"XYZ"; return m.obj
show(f5)
show(lambda: m[10:20].tobytes())
show(lambda: m[-100])
show(lambda: array.array("b", b"abc")[::-1].tobytes())
a = array.array("i", range(10))
def f6(): a[::3] = array.array("i", [0, 0, 0, 0]); return a
show(f6)
def f7(): del a[::-2]; return a
show(f7)
show(lambda: memoryview(a)[2:5].tolist())
show(lambda: memoryview(array.array("d", [1.5, 2.5]))[1])
show(lambda: bytearray(b"x").__alloc__())
show(lambda: bytes(memoryview(b"abc")[::2]))
show(lambda: bytearray(memoryview(b"abc")[::-1]))
show(lambda: b"ab" in memoryview(b"xab"))
show(lambda: sys.getsizeof(memoryview(b"abc")[::2]))
