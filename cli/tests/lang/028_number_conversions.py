print(int("  42 "), int("1_000"), int(7.9), int(-7.9), int(True))
print(float("3.5"), float(" -1e3 "), float(2))
print(str(3.0), str(-0.0), str(10 ** 16 * 1.0))
print(bin(10), oct(10), hex(255), hex(-1))
print(int("z", 36), int("0x1f", 16), int("0o17", 0))
print(round(3.14159, 2), round(1234, -2), round(5))
print(complex(1, 2), (1 + 2j) * (3 - 1j), abs(3 + 4j))
try:
    int("abc")
except ValueError as e:
    print("ValueError:", e)
try:
    float("x1")
except ValueError as e:
    print("ValueError:", e)
print(chr(0x41), ord("€"), (255).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"))
print((1024).bit_length(), (-5).bit_count() if hasattr(int, "bit_count") else 0)
