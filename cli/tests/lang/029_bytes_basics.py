import sys

b = b"hello"
print(b, len(b), b[0], b[1:3], list(b[:2]))
print(sys.getsizeof(b""), sys.getsizeof(b), sys.getsizeof(bytes(100)))
ba = bytearray(b"abc")
ba.append(100)
ba[0] = 65
print(ba, sys.getsizeof(ba))
print("héllo".encode(), b"h\xc3\xa9llo".decode())
print(bytes([65, 66]), bytes(3), b"ab" * 2, b"a" + b"b")
print(b.upper(), b.split(b"l"), b.hex(), bytes.fromhex("4142"))
m = memoryview(b)
print(m[0], bytes(m[1:3]), len(m))
