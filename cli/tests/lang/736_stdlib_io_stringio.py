# io.StringIO: write/read/seek/tell, overwriting, padding, truncate, iteration, print(file=).
import io

s = io.StringIO()
print(type(s), type(s).__name__, s.write("hello\n"), s.tell(), repr(s.getvalue()))
print(repr(s.read()), s.seek(0), s.read(2), repr(s.read()), s.tell())
s = io.StringIO("abc\ndef\nghi")
print(s.tell(), repr(s.readline()), s.readlines(), list(io.StringIO("x\ny\n")))
s.seek(1)
s.write("Z")
print(repr(s.getvalue()), s.tell())
s.seek(14)
s.write("!")
print(repr(s.getvalue()))
print(s.seek(0, 2), s.truncate(3), repr(s.getvalue()), s.tell())
print(repr(io.StringIO("abc").read(None)), repr(io.StringIO("abcdef").readline(2)))
print(io.StringIO("a\nb\nc\n").readlines(2), repr(io.StringIO(None).getvalue()))
out = io.StringIO()
print("printed", 1, 2.5, sep=", ", end=";\n", file=out)
print(*range(3), file=out)
out.writelines(["x", "y", "\n"])
print(repr(out.getvalue()))
for line in io.StringIO("one\ntwo\nthree"):
    print(repr(line))
big = io.StringIO()
for i in range(2000):
    big.write(str(i % 10))
print(len(big.getvalue()), big.tell(), big.getvalue()[-12:])
with io.StringIO("ctx") as f:
    print(f.read(), f.readable(), f.writable(), f.seekable(), f.isatty(), f.closed)
print(f.closed, f.encoding, f.errors)
for nl in (None, "", "\n"):
    t = io.StringIO("a\r\nb", newline=nl)
    seen = [t.newlines]
    for piece in ("x\n", "y\r", "\nz"):
        seen.append((t.write(piece), t.newlines))
    print(repr(nl), seen)
