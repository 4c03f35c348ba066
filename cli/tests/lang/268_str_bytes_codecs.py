checks = [
    lambda: str(b"x", "ascii"),
    lambda: str(b"x", "utf-8"),
    lambda: str(b"\xe9", "latin-1"),
    lambda: str(b"x", encoding="ascii"),
    lambda: str(b"\xff", "utf-8", "replace"),
    lambda: str(b"\xff\xfe", "ascii", "ignore"),
    lambda: str(b"\xff", "utf-8"),
    lambda: str(b"x", "bogus"),
    lambda: str("x", "utf-8"),
    lambda: str(5, "utf-8"),
    lambda: bytes("é", "utf-8"),
    lambda: bytes("é", "latin-1"),
    lambda: bytes("é€", "ascii", "replace"),
    lambda: bytes("é", "ascii"),
    lambda: bytes("x", "bogus"),
    lambda: bytes("x", encoding="ascii", errors="strict"),
    lambda: bytes(b"x", "ascii"),
    lambda: bytes("x", 5),
]
for f in checks:
    try:
        print(repr(f()))
    except Exception as e:
        print(e)
