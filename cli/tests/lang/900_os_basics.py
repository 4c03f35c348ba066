import os
import sys
print(os.name, os.sep, repr(os.linesep), os.curdir, os.pardir, os.extsep, os.altsep)
print(os.pathsep, os.devnull, os.path.__name__, sys.modules["os.path"] is os.path)
print(type(os.getpid()).__name__, os.getpid() > 0, os.getppid() != os.getpid())
print(os.path.isabs(os.getcwd()), os.getcwd() == os.path.abspath("."))
print(type(os.cpu_count()).__name__, len(os.urandom(16)), type(os.urandom(0)))
print(os.strerror(2), "|", os.strerror(13), "|", os.strerror(17))
print(os.fspath("a/b"), os.fspath(b"a/b"))
class P:
    def __fspath__(self):
        return "from/fspath"
print(os.fspath(P()), os.path.join(P(), "x"))
for bad in (3, None):
    try:
        os.fspath(bad)
    except TypeError as e:
        print(e)
class Bad:
    def __fspath__(self):
        return 3
try:
    os.fspath(Bad())
except TypeError as e:
    print(e)
print(os.getpid, os.fspath, os.listdir)
for name in ("remove", "unlink", "rmdir", "rename", "mkdir", "stat", "listdir"):
    print(name, callable(getattr(os, name)))
try:
    os.urandom(-1)
except ValueError as e:
    print(e)
print(os.O_RDONLY, os.O_WRONLY, os.O_RDWR, os.SEEK_SET, os.SEEK_CUR, os.SEEK_END)
