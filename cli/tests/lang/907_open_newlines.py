import os
import tempfile
with tempfile.TemporaryDirectory() as d:
    name = os.path.join(d, "n.txt")
    with open(name, "wb") as f:
        f.write(b"one\r\ntwo\rthree\nfour\r")
    for nl in (None, "", "\n", "\r", "\r\n"):
        with open(name, newline=nl) as f:
            print(repr(nl), f.readlines())
        with open(name, newline=nl) as f:
            print(repr(nl), repr(f.read(5)), f.tell(), repr(f.read()))
    for nl in (None, "", "\n", "\r", "\r\n"):
        with open(name, "w", newline=nl) as f:
            print(f.write("a\nb\r\nc"), end=" ")
        with open(name, "rb") as f:
            print(f.read())
    with open(name, "w") as f:
        f.write("x" * 9000 + "\r")
        f.write("\nlast")
    lines = open(name).readlines()
    print(len(lines), len(lines[0]), repr(lines[1]))
    open(name, "w", encoding="latin-1").write("caf\xe9")
    with open(name, "rb") as f:
        print(f.read())
    with open(name, encoding="latin-1") as f:
        print(f.read(), f.encoding)
    with open(name, "w") as f:
        f.write("é" * 5000)
    with open(name) as f:
        print(len(f.read()), os.path.getsize(name))
    try:
        open(name, encoding="no-such-codec")
    except LookupError as e:
        print(e)
    with open(name, "w", encoding="ascii") as f:
        try:
            f.write("caf\xe9")
        except UnicodeEncodeError as e:
            print(type(e).__name__, e.reason)
