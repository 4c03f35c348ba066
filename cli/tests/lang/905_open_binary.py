import os
import tempfile
with tempfile.TemporaryDirectory() as d:
    name = os.path.join(d, "b.bin")
    with open(name, "wb") as f:
        print(f.mode, f.write(b"\x00\x01line\n"), f.write(bytes(range(250, 256))), f.tell())
        print(repr(f).replace(d, "D"), f.writable(), f.readable())
    with open(name, "rb") as f:
        print(f.mode, f.readline(), f.read(2), f.tell(), f.read(), f.read(), f.seek(-3, 2), f.read())
        print(repr(f).replace(d, "D"), f.seek(1), f.readlines())
    with open(name, "r+b") as f:
        print(f.mode, repr(f).replace(d, "D"), f.read(3), f.write(b"ZZ"), f.seek(0), f.read())
    with open(name, "rb", buffering=0) as f:
        print(f.mode, repr(f).replace(d, "D"), f.read(4), f.readall(), f.closefd)
    print(repr(f))
    with open(name, "ab") as f:
        print(f.mode, f.tell(), f.write(bytearray(b"tail") if "bytearray" in dir(__builtins__) else b"tail"))
    with open(name, "w+b") as f:
        print(f.mode, f.read(), f.write(b"abc\ndef"), f.seek(0), list(f))
    with open(name, "ab+") as f:
        print(f.mode, f.tell(), f.seek(0), f.read())
    with open(name, "xb" if False else "rb") as f:
        data = f.read()
    print(data, os.path.getsize(name), len(data))
    with open(name, "wb") as f:
        f.write(b"x" * 10000)
        f.write(b"y" * 10)
    with open(name, "rb") as f:
        print(len(f.read()), f.read(5))
