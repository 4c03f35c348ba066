import array

def put(o, k, v):
    o[k] = v


for code, v in [("b", 200), ("b", -200), ("B", -1), ("B", 256), ("h", 70000),
                ("H", -1), ("i", 2**31), ("I", -1), ("I", 2**32), ("l", 2**63),
                ("L", 2**64), ("q", 2**63), ("Q", -1), ("Q", 2**64),
                ("b", "x"), ("i", 1.5), ("d", "x"), ("u", 1), ("u", "ab"), ("f", None)]:
    try:
        array.array(code, [v])
    except Exception as e:
        print(code, repr(v), type(e).__name__, e)
for args in [("x",), (1,), ("ii",), ("i", "ab"), ("i", 1)]:
    try:
        array.array(*args)
    except Exception as e:
        print(args, type(e).__name__, e)
a = array.array("i", [1, 2, 3])
for bad in [lambda: a[5], lambda: a + [1], lambda: a + array.array("d"),
            lambda: put(a, slice(0, 1), [1]), lambda: a.remove(9), lambda: a.index(9),
            lambda: array.array("i").pop(), lambda: a.frombytes(b"abc"), lambda: a.tounicode(),
            lambda: put(a, 9, 1), lambda: a["x"], lambda: a.extend(array.array("d")),
            lambda: hash(a), lambda: a.fromlist((1,))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
m = memoryview(a)
try:
    a.append(1)
except BufferError as e:
    print("BufferError", e)
m.release()
a.append(1)
print(a)
