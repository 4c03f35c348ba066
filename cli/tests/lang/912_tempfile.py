import os
import tempfile
print(tempfile.gettempdir() == os.path.abspath(tempfile.gettempdir()), os.path.isdir(tempfile.gettempdir()))
td = tempfile.TemporaryDirectory(prefix="pre-", suffix="-suf")
base = os.path.basename(td.name)
print(base.startswith("pre-"), base.endswith("-suf"), len(base), os.path.isdir(td.name))
print(repr(td).startswith("<TemporaryDirectory '"), oct(os.stat(td.name).st_mode & 0o777))
os.makedirs(os.path.join(td.name, "x", "y"))
with open(os.path.join(td.name, "x", "y", "f"), "w") as f:
    f.write("data")
td.cleanup()
td.cleanup()
print(os.path.exists(td.name))
with tempfile.TemporaryDirectory() as d:
    print(type(d).__name__, os.path.dirname(d) == tempfile.gettempdir(), os.listdir(d))
    inner = tempfile.mkdtemp(dir=d)
    print(os.path.dirname(inner) == d, os.path.basename(inner)[:3], len(os.path.basename(inner)))
    names = {tempfile.mkdtemp(prefix="", dir=d) for _ in range(5)}
    print(len(names), sorted(os.listdir(d)) == sorted([os.path.basename(inner)] + [os.path.basename(n) for n in names]))
print(os.path.exists(d), os.path.exists(inner))
with tempfile.TemporaryDirectory(delete=False) as kept:
    pass
print(os.path.isdir(kept))
os.rmdir(kept)
d = tempfile.TemporaryDirectory()
os.rmdir(d.name)
d.cleanup()
print("cleanup of a removed directory is quiet", os.path.exists(d.name))
