import os
import tempfile
with tempfile.TemporaryDirectory() as d:
    name = os.path.join(d, "t.txt")
    with open(name, "w") as f:
        print(f.name == name, f.mode, f.closed, f.encoding, f.errors, f.readable(), f.writable())
        print(f.write("héllo\n"), f.writelines(["a\n", "b\r\n", "c\rd"]), f.tell())
        print(f.seekable(), f.isatty(), type(f.fileno()).__name__)
    print(f.closed, repr(f).replace(d, "D"))
    with open(name) as f:
        print(repr(f.readline()), f.tell(), repr(f.read(3)), f.readlines())
        print(repr(f.read()), repr(f.readline()), f.seek(0), repr(f.read(2)), f.seek(0, 2))
    with open(name, newline="") as f:
        print(f.readlines())
    with open(name, "a") as f:
        print(f.mode, f.tell(), f.write("\nend"))
    with open(name, encoding="utf-8") as f:
        print([line for line in f], f.encoding)
    with open(name, "r+") as f:
        print(f.mode, repr(f.read(4)), f.write("XY"), f.seek(0), repr(f.readline()))
    with open(name, "w+") as f:
        f.write("new\ntext")
        print(f.seek(0), f.read(), list(f))
    with open(name, "x" if False else "a+") as f:
        print(f.tell(), f.seek(0), f.readline())
    with open(os.path.join(d, "new.txt"), "x") as f:
        print(f.mode, f.write("only"))
    with open(os.path.join(d, "new.txt"), encoding="ascii") as f:
        print(f.encoding, f.read(), f.read(), f.readline())
    f = open(name)
    print(next(f), iter(f) is f, f.__enter__() is f)
    f.close(); f.close()
    print(f.closed, sorted(os.listdir(d)))
