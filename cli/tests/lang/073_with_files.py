import os
import tempfile

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "notes.txt")
    with open(path, "w") as f:
        print(f.closed, f.mode)
        f.write("line one\n")
        f.write("line two\n")
    print(f.closed)
    with open(path) as f:
        for n, line in enumerate(f, 1):
            print(n, line.rstrip())
    with open(path, "a") as f, open(path) as g:
        f.write("three\n")
        print(len(g.read()))
    with open(path, "rb") as f:
        data = f.read()
    print(data.count(b"\n"), len(data))
    try:
        with open(os.path.join(d, "missing.txt")) as f:
            pass
    except FileNotFoundError as e:
        print("FileNotFoundError", e.errno)
