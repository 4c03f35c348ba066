"""Operating system services, as CPython 3.12's Lib/os.py over the built-in `posix`:
`getpid`, `getcwd`, `listdir`, `mkdir`, `makedirs`, `remove`/`unlink`, `rmdir`, `rename`,
`stat` (an `os.stat_result`), `fspath`, `urandom`, `cpu_count`, `strerror`, `getenv`, `fsencode`, `fsdecode`,
`environ` (a mapping of str over `posix.environ`'s bytes), `path` (`posixpath`), and the
constants `name`, `sep`, `linesep`, `curdir`, `pardir`, `extsep`, `altsep`, `pathsep`,
`devnull`. Shipped with pyrt (interp/lib/): pyrt's own code. Assigning to `os.environ`
changes the mapping only (pyrt starts no child processes, so there is no `putenv`).
"""

import sys
import posix
from posix import (getpid, getppid, getcwd, listdir, mkdir, remove, unlink, rmdir, rename,
                   fspath, urandom, cpu_count, strerror, close, read, write, lseek,
                   O_RDONLY, O_WRONLY, O_RDWR, O_CREAT, O_EXCL, O_TRUNC, O_APPEND,
                   SEEK_SET, SEEK_CUR, SEEK_END)
import posixpath as path

sys.modules['os.path'] = path

name = 'posix'
linesep = '\n'
from posixpath import curdir, pardir, sep, pathsep, defpath, extsep, altsep, devnull


def open(path, flags, mode=0o777):
    """Opens a file descriptor (`os.open`)."""
    return posix.open(path, flags, mode)


class stat_result(tuple):
    """The result of `os.stat`: a tuple of ten ints (mode, ino, dev, nlink, uid, gid, size,
    and the three times in whole seconds) with `st_*` names, the times as floats."""

    n_sequence_fields = 10
    _names = ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid', 'st_size',
              'st_atime', 'st_mtime', 'st_ctime')

    def __new__(cls, values):
        self = tuple.__new__(cls, values[:10])
        self._times = tuple(values[10:13])
        return self

    st_mode = property(lambda self: self[0])
    st_ino = property(lambda self: self[1])
    st_dev = property(lambda self: self[2])
    st_nlink = property(lambda self: self[3])
    st_uid = property(lambda self: self[4])
    st_gid = property(lambda self: self[5])
    st_size = property(lambda self: self[6])
    st_atime = property(lambda self: self._times[0])
    st_mtime = property(lambda self: self._times[1])
    st_ctime = property(lambda self: self._times[2])

    def __repr__(self):
        fields = ", ".join(f"{n}={v!r}" for n, v in zip(self._names, self))
        return f"os.stat_result({fields})"


stat_result.__module__ = 'os'


def stat(path):
    """The status of a file (`os.stat`), following symbolic links."""
    return stat_result(posix.stat(path))


def makedirs(name, mode=0o777, exist_ok=False):
    """Makes a directory and the missing directories above it."""
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        if tail == curdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


class _Environ:
    """`os.environ`: str keys and values over the bytes of `posix.environ`."""

    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        try:
            value = self._data[self._encode(key)]
        except KeyError:
            raise KeyError(key) from None
        return value.decode('utf-8', 'surrogateescape')

    def __setitem__(self, key, value):
        self._data[self._encode(key)] = self._encode(value)

    def __delitem__(self, key):
        try:
            del self._data[self._encode(key)]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self):
        for key in list(self._data):
            yield key.decode('utf-8', 'surrogateescape')

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        return self._encode(key) in self._data

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def keys(self):
        return list(self)

    def values(self):
        return [self[k] for k in self]

    def items(self):
        return [(k, self[k]) for k in self]

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    def pop(self, key, *default):
        if key in self:
            value = self[key]
            del self[key]
            return value
        if default:
            return default[0]
        raise KeyError(key)

    def copy(self):
        return dict(self.items())

    def __repr__(self):
        items = ", ".join(f"{k!r}: {v!r}" for k, v in self.items())
        return f"environ({{{items}}})"

    @staticmethod
    def _encode(value):
        if not isinstance(value, str):
            raise TypeError(f"str expected, not {type(value).__name__}")
        return value.encode('utf-8', 'surrogateescape')


_Environ.__module__ = 'os'
environ = _Environ(posix.environ)


def fsencode(filename):
    """A path as bytes (UTF-8 with surrogateescape, the file system encoding)."""
    filename = fspath(filename)
    return filename.encode('utf-8', 'surrogateescape') if isinstance(filename, str) else filename


def fsdecode(filename):
    """A path as str (UTF-8 with surrogateescape, the file system encoding)."""
    filename = fspath(filename)
    return filename.decode('utf-8', 'surrogateescape') if isinstance(filename, bytes) else filename


def getenv(key, default=None):
    """The value of an environment variable, or `default`."""
    return environ.get(key, default)
