import os
import tempfile
with tempfile.TemporaryDirectory() as d:
    print(os.path.isdir(d), os.listdir(d))
    sub = os.path.join(d, "sub")
    os.mkdir(sub)
    os.makedirs(os.path.join(d, "a", "b", "c"))
    os.makedirs(os.path.join(d, "a", "b"), exist_ok=True)
    with open(os.path.join(sub, "f.txt"), "w") as f:
        f.write("12345")
    print(sorted(os.listdir(d)), os.listdir(sub), sorted(os.listdir(os.fsencode(d))), os.fsdecode(b"x"))
    st = os.stat(os.path.join(sub, "f.txt"))
    print(st.st_size, st[6], len(st), type(st.st_mtime).__name__, type(st[8]).__name__)
    print(type(st).__name__, st.st_mode & 0o170000 == 0o100000, os.path.getsize(os.path.join(sub, "f.txt")))
    os.rename(os.path.join(sub, "f.txt"), os.path.join(sub, "g.txt"))
    print(os.listdir(sub))
    for call in (lambda: os.mkdir(sub), lambda: os.rmdir(d), lambda: os.remove(sub + "/none"),
                 lambda: os.rename(sub + "/none", sub + "/x"), lambda: os.listdir(sub + "/g.txt"),
                 lambda: os.stat(sub + "/none"), lambda: os.unlink(sub), lambda: os.rmdir(sub + "/g.txt")):
        try:
            call()
        except OSError as e:
            print(type(e).__name__, e.errno, e.strerror, str(e).replace(d, "D"))
            print(e.filename.replace(d, "D"), e.filename2 and e.filename2.replace(d, "D"))
    os.remove(os.path.join(sub, "g.txt"))
    os.rmdir(sub)
    print(sorted(os.listdir(d)), os.path.exists(sub))
print(os.path.exists(d))
for bad in (lambda: os.remove(3.5), lambda: os.listdir(1.5), lambda: os.stat(None),
            lambda: os.rename("a", 2.0), lambda: os.mkdir(b"x\0y")):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
