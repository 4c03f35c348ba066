"""Path names on POSIX (`os.path`), as CPython 3.12's Lib/posixpath.py: `join`, `split`,
`basename`, `dirname`, `splitext`, `isabs`, `normpath`, `abspath`, `exists`, `isfile`,
`isdir`, `getsize`, `expanduser`. Shipped with pyrt (interp/lib/), pyrt's own code over the
built-in `posix`; str and bytes paths as CPython takes them.
"""

import posix as _posix

__all__ = ["join", "split", "basename", "dirname", "splitext", "isabs", "normpath",
           "abspath", "exists", "isfile", "isdir", "getsize", "expanduser", "sep", "curdir",
           "pardir", "extsep", "altsep", "pathsep", "defpath", "devnull"]

curdir = '.'
pardir = '..'
extsep = '.'
sep = '/'
pathsep = ':'
defpath = '/bin:/usr/bin'
altsep = None
devnull = '/dev/null'


def _sep(p):
    return b'/' if isinstance(p, bytes) else '/'


def _rfind(s, ch):
    """The index of the last `ch` (one character or byte) in `s`, or -1."""
    i = s[::-1].find(ch)
    return -1 if i < 0 else len(s) - 1 - i


def _check_types(funcname, *args):
    """`genericpath._check_arg_types`: all str or all bytes."""
    has_str = has_bytes = False
    for s in args:
        if isinstance(s, str):
            has_str = True
        elif isinstance(s, bytes):
            has_bytes = True
        else:
            raise TypeError(f'{funcname}() argument must be str, bytes, or '
                            f'os.PathLike object, not {type(s).__name__!r}') from None
    if has_str and has_bytes:
        raise TypeError("Can't mix strings and bytes in path components") from None


def isabs(s):
    """Whether a path is absolute: it starts with '/'."""
    s = _posix.fspath(s)
    return s.startswith(_sep(s))


def join(a, *p):
    """Joins path components: an absolute one drops what came before it."""
    a = _posix.fspath(a)
    sep = _sep(a)
    path = a
    try:
        if not p:
            path[:0] + sep
        for b in map(_posix.fspath, p):
            if b.startswith(sep):
                path = b
            elif not path or path.endswith(sep):
                path += b
            else:
                path += sep + b
    except (TypeError, AttributeError, BytesWarning):
        _check_types('join', a, *p)
        raise
    return path


def split(p):
    """(head, tail): tail is what follows the last '/', head what precedes it (its trailing
    slashes removed unless it is all slashes)."""
    p = _posix.fspath(p)
    sep = _sep(p)
    i = _rfind(p, sep) + 1
    head, tail = p[:i], p[i:]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head, tail


def splitext(p):
    """(root, ext): ext is the last dot and what follows it in the last component, unless
    the component only starts with dots."""
    p = _posix.fspath(p)
    if isinstance(p, bytes):
        sep, dot = b'/', b'.'
    else:
        sep, dot = '/', '.'
    sep_index = _rfind(p, sep)
    dot_index = _rfind(p, dot)
    if dot_index > sep_index:
        filename_index = sep_index + 1
        while filename_index < dot_index:
            if p[filename_index:filename_index + 1] != dot:
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, p[:0]


def basename(p):
    """The last component of a path."""
    p = _posix.fspath(p)
    return p[_rfind(p, _sep(p)) + 1:]


def dirname(p):
    """Everything before the last component of a path."""
    p = _posix.fspath(p)
    sep = _sep(p)
    head = p[:_rfind(p, sep) + 1]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head


def normpath(path):
    """A path with '.', '..', and repeated slashes resolved as text."""
    path = _posix.fspath(path)
    if isinstance(path, bytes):
        sep, empty, dot, dotdot = b'/', b'', b'.', b'..'
    else:
        sep, empty, dot, dotdot = '/', '', '.', '..'
    if path == empty:
        return dot
    initial = len(path) - len(path.lstrip(sep))
    # POSIX keeps exactly two leading slashes, and makes three or more one.
    initial = 2 if initial == 2 else min(initial, 1)
    parts = []
    for comp in path.split(sep):
        if comp in (empty, dot):
            continue
        if comp != dotdot or (not initial and not parts) or (parts and parts[-1] == dotdot):
            parts.append(comp)
        elif parts:
            parts.pop()
    path = sep * initial + sep.join(parts)
    return path or dot


def abspath(path):
    """An absolute, normalised path: relative ones are taken from the current directory."""
    path = _posix.fspath(path)
    if not isabs(path):
        cwd = _posix.getcwd()
        if isinstance(path, bytes):
            cwd = cwd.encode()
        path = join(cwd, path)
    return normpath(path)


def expanduser(path):
    """'~' at the start of a path replaced by $HOME."""
    path = _posix.fspath(path)
    tilde = b'~' if isinstance(path, bytes) else '~'
    if not path.startswith(tilde):
        return path
    sep = _sep(path)
    i = path.find(sep, 1)
    if i < 0:
        i = len(path)
    if i != 1:
        return path
    home = _posix.environ.get(b'HOME')
    if home is None:
        return path
    if not isinstance(path, bytes):
        home = home.decode()
    home = home.rstrip(sep)
    return (home + path[i:]) or sep


def exists(path):
    """Whether a path names something that exists (False where `stat` fails)."""
    try:
        _posix.stat(path)
    except (OSError, ValueError):
        return False
    return True


def isfile(path):
    """Whether a path names a regular file."""
    try:
        mode = _posix.stat(path)[0]
    except (OSError, ValueError):
        return False
    return mode & 0o170000 == 0o100000


def isdir(s):
    """Whether a path names a directory."""
    try:
        mode = _posix.stat(s)[0]
    except (OSError, ValueError):
        return False
    return mode & 0o170000 == 0o040000


def getsize(filename):
    """The size of a file, in bytes (`os.stat(filename).st_size`)."""
    return _posix.stat(filename)[6]
