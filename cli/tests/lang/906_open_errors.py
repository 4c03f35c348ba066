import io
import os
import tempfile
for args in (("no-such-file-9.txt",), ("no/such/dir/f.txt", "w"), (".",), (".", "w"),
             ("x", "rw"), ("x", "rr"), ("x", "q"), ("x", "rbt"), ("x", ""), ("x", 3)):
    try:
        open(*args)
    except (OSError, ValueError, TypeError) as e:
        print(type(e).__name__, e, getattr(e, "errno", None), getattr(e, "filename", None))
for kw in ({"encoding": "utf-8"}, {"errors": "strict"}, {"newline": ""}):
    try:
        open("x", "rb", **kw)
    except ValueError as e:
        print(e)
with tempfile.TemporaryDirectory() as d:
    name = os.path.join(d, "f")
    for bad in ((3.5,), (name, "w", 0), (name, "r", -1, None, None, "\r\r"), (name, "r", -1, "no-codec")):
        try:
            open(*bad)
        except (TypeError, ValueError, LookupError) as e:
            print(type(e).__name__, e, os.path.exists(name))
    with open(name, "w") as f:
        for call in (f.read, f.readline, lambda: f.write(b"b"), lambda: f.write(3)):
            try:
                call()
            except (OSError, TypeError) as e:
                print(type(e).__name__, e, isinstance(e, io.UnsupportedOperation))
    for call in (f.read, lambda: f.write("x"), f.tell, lambda: f.seek(0), f.flush, lambda: f.__enter__()):
        try:
            call()
        except ValueError as e:
            print(e)
    with open(name, "rb") as f:
        for call in (lambda: f.write(b"x"), lambda: f.write("s")):
            try:
                call()
            except (OSError, TypeError) as e:
                print(type(e).__name__, e)
