"""Temporary directories, as CPython 3.12's Lib/tempfile.py: `gettempdir`, `mkdtemp` and
`TemporaryDirectory` (a context manager that removes its tree on exit). Shipped with pyrt
(interp/lib/): pyrt's own code over `os`. Names are 'tmp' and eight random characters from
CPython's alphabet, made from `os.urandom`. Left out: the temporary files
(`TemporaryFile`, `NamedTemporaryFile`, `SpooledTemporaryFile`, `mkstemp`).
"""

import os as _os

__all__ = ["gettempdir", "mkdtemp", "TemporaryDirectory", "TMP_MAX", "template"]

TMP_MAX = 10000
template = "tmp"
_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789_"

tempdir = None


def _random_name():
    return "".join(_CHARACTERS[b % len(_CHARACTERS)] for b in _os.urandom(8))


def gettempdir():
    """The directory temporary files go in: $TMPDIR, $TEMP or $TMP if set, else /tmp."""
    global tempdir
    if tempdir is None:
        for var in ("TMPDIR", "TEMP", "TMP"):
            d = _os.getenv(var)
            if d and _os.path.isdir(d):
                tempdir = _os.path.abspath(d)
                break
        else:
            tempdir = "/tmp"
    return tempdir


def mkdtemp(suffix=None, prefix=None, dir=None):
    """Makes a new directory only its creator can use, and returns its absolute path."""
    suffix = "" if suffix is None else suffix
    prefix = template if prefix is None else prefix
    dir = gettempdir() if dir is None else dir
    for _ in range(TMP_MAX):
        path = _os.path.join(dir, prefix + _random_name() + suffix)
        try:
            _os.mkdir(path, 0o700)
        except FileExistsError:
            continue
        return _os.path.abspath(path)
    raise FileExistsError(17, "No usable temporary directory name found")


def _rmtree(path):
    """Removes a directory and everything under it (what `shutil.rmtree` does here)."""
    for name in _os.listdir(path):
        full = _os.path.join(path, name)
        if _os.path.isdir(full):
            _rmtree(full)
        else:
            _os.unlink(full)
    _os.rmdir(path)


class TemporaryDirectory:
    """A temporary directory: `with TemporaryDirectory() as d:` gives its name, and it is
    removed with what it holds on exit or by `cleanup()`."""

    def __init__(self, suffix=None, prefix=None, dir=None, ignore_cleanup_errors=False, *,
                 delete=True):
        self.name = mkdtemp(suffix, prefix, dir)
        self._ignore_cleanup_errors = ignore_cleanup_errors
        self._delete = delete
        self._cleaned = False

    def __repr__(self):
        return f"<{self.__class__.__name__} {self.name!r}>"

    def __enter__(self):
        return self.name

    def __exit__(self, exc, value, tb):
        if self._delete:
            self.cleanup()

    def cleanup(self):
        if self._cleaned or not _os.path.exists(self.name):
            return
        self._cleaned = True
        try:
            _rmtree(self.name)
        except OSError:
            if not self._ignore_cleanup_errors:
                raise
