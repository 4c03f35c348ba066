import os.path as p
print(p.join("a", "b", "c"), p.join("a/", "b"), p.join("a", "/b", "c"), p.join("", "x"), p.join("a", ""))
print(p.join(b"a", b"b"), p.split("a/b/c"), p.split("/a"), p.split("a/"), p.split("//x"), p.split(""))
print(p.splitext("a/b.tar.gz"), p.splitext(".bashrc"), p.splitext("a.b/c"), p.splitext("x..."), p.splitext(b"f.py"))
print(p.basename("/a/b/"), p.basename("/a/b"), p.dirname("/a/b"), p.dirname("a"), p.dirname("///a"))
for n in ("a//b/./c/..", "/../x", "../../y", "", ".", "//a//b", "///a", "a/b/../../.."):
    print(repr(n), "->", repr(p.normpath(n)))
print(p.isabs("/x"), p.isabs("x"), p.isabs(b"/"), p.abspath("/a/./b/../c"))
print(p.abspath("z") == p.join(p.abspath("."), "z"))
print(p.exists("."), p.exists("no/such/file"), p.isdir("."), p.isfile("."), p.isfile(__file__))
print(p.getsize(__file__) > 100, p.exists(""), p.isdir(""), p.exists(b"."))
print(p.sep, p.curdir, p.pardir, p.extsep, p.pathsep, p.altsep, p.devnull)
print(p.expanduser("~") == p.expanduser("~/"[:-1]), p.expanduser("x~"), p.expanduser("~nosuchuser9"))
for bad in (lambda: p.join("a", b"b"), lambda: p.join("a", 3), lambda: p.join(3),
            lambda: p.basename(None), lambda: p.splitext(1), lambda: p.getsize("no/such")):
    try:
        bad()
    except (TypeError, OSError) as e:
        print(type(e).__name__, e)
