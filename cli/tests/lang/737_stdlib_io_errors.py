# io.StringIO/BytesIO: newline modes, error messages, closed streams.
import io

for nl in (None, "", "\n", "\r", "\r\n"):
    t = io.StringIO("a\r\nb\rc\n", newline=nl)
    print(repr(nl), repr(t.getvalue()), t.readlines())
t = io.StringIO(newline=None)
print(t.write("x\r\ny\r"), repr(t.getvalue()))
s = io.StringIO("abc")
for bad in (lambda: s.write(1), lambda: s.seek(-1), lambda: s.seek(1, 1),
            lambda: s.seek(0, 5), lambda: io.StringIO(1), lambda: s.read("x"),
            lambda: s.seek("a"), lambda: io.StringIO(newline="x"),
            lambda: io.StringIO(newline=1), lambda: s.truncate(-1)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
s.close()
s.close()
for bad in (s.getvalue, s.read, lambda: s.write("a"), s.tell, lambda: s.seek(0),
            s.flush, s.readable, lambda: next(s), lambda: iter(s)):
    try:
        bad()
    except ValueError as e:
        print(e)
b = io.BytesIO(b"hello world\nline2\n")
print(b.read(5), b.readline(), b.tell(), list(io.BytesIO(b"a\nb")), type(b))
print(b.seek(-3, 2), b.read(), b.seek(-100, 1), b.seek(20), b.write(b"!"), b.getvalue())
for bad in (lambda: b.seek(-1), lambda: b.seek(0, 3), lambda: b.write("s"),
            lambda: io.BytesIO("s"), lambda: b.truncate(-1)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
b.close()
try:
    b.read()
except ValueError as e:
    print(e)
