"""In-memory text and byte streams, as CPython 3.12's `io.StringIO` and `io.BytesIO`.

Shipped with pyrt (interp/lib/). In CPython both are C types of `_io` (Modules/_io/
stringio.c and bytesio.c) re-exported by Lib/io.py; here they are Python classes that keep
CPython's names (`_io.StringIO`), methods, newline handling and error messages.
Appends at the end accumulate pieces and join them when read, as stringio.c's accumulating
state does, so that a loop of writes is linear. `TextIOWrapper` is the type of
`sys.stdout`. Left out: files (`open`, `FileIO`, buffered streams), the abstract base
classes (`IOBase`...), `text_encoding` and `BytesIO.getbuffer`.
"""

import sys

__all__ = ["BlockingIOError", "BytesIO", "DEFAULT_BUFFER_SIZE", "SEEK_CUR", "SEEK_END",
           "SEEK_SET", "StringIO", "TextIOWrapper", "UnsupportedOperation", "open"]

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2

# The buffer size `open` gives buffered streams, as `_io.DEFAULT_BUFFER_SIZE`.
DEFAULT_BUFFER_SIZE = 8192

TextIOWrapper = type(sys.stdout)

BlockingIOError = BlockingIOError


class UnsupportedOperation(OSError, ValueError):
    pass


UnsupportedOperation.__module__ = 'io'


def _size_arg(size):
    """A `size` argument: None or an integer (negative means all)."""
    if size is None:
        return -1
    if not hasattr(type(size), '__index__'):
        raise TypeError(f"argument should be integer or None, not '{type(size).__name__}'")
    return size.__index__()


def _index(value):
    """An integer argument, as `PyNumber_AsSsize_t`."""
    if not hasattr(type(value), '__index__'):
        raise TypeError(
            f"'{type(value).__name__}' object cannot be interpreted as an integer")
    return value.__index__()


class _MemoryStream:
    """What StringIO and BytesIO share: a buffer of items (str or bytes) and a position."""

    _empty = None

    def _setup(self, initial):
        self._value = initial
        self._pieces = None
        self._pos = 0
        self._closed = False

    # Whether every closed-file error ends with a period (bytesio.c's do; stringio.c's own
    # checks do not, the checks it inherits from IOBase do).
    _period = False

    def _checkClosed(self, period=False):
        if self._closed:
            end = "." if period or self._period else ""
            raise ValueError("I/O operation on closed file" + end)

    def _whole(self):
        """The buffer, with the pending pieces joined."""
        if self._pieces is not None:
            self._value = self._empty.join(self._pieces)
            self._pieces = None
        return self._value

    def _length(self):
        if self._pieces is not None:
            return self._piece_length
        return len(self._value)

    def _write_value(self, data):
        """Writes `data` at the position; returns nothing."""
        if not data:
            return
        end = self._length()
        if self._pos == end:
            if self._pieces is None:
                self._pieces = [self._value]
                self._piece_length = end
            self._pieces.append(data)
            self._piece_length += len(data)
        else:
            value = self._whole()
            if self._pos > end:
                value = value + self._pad * (self._pos - end)
            value = value[:self._pos] + data + value[self._pos + len(data):]
            self._value = value
        self._pos += len(data)

    @property
    def closed(self):
        """True if the stream is closed."""
        return self._closed

    def close(self):
        """Close the IO object; the buffer is freed."""
        self._closed = True
        self._value = self._empty
        self._pieces = None

    def getvalue(self):
        """Retrieve the entire contents of the object."""
        self._checkClosed()
        return self._whole()

    def read(self, size=-1, /):
        """Read at most size items, returned as one object (all of them if size < 0)."""
        self._checkClosed()
        size = _size_arg(size)
        value = self._whole()
        start = min(self._pos, len(value))
        end = len(value) if size < 0 else min(len(value), start + size)
        self._pos = max(self._pos, end)
        return value[start:end]

    def readline(self, size=-1, /):
        """Read until the end of a line, or at most size items."""
        self._checkClosed()
        size = _size_arg(size)
        value = self._whole()
        start = min(self._pos, len(value))
        end = self._line_end(value, start)
        if size >= 0:
            end = min(end, start + size)
        self._pos = max(self._pos, end)
        return value[start:end]

    def readlines(self, hint=-1, /):
        """Read the lines that remain (stopping once `hint` items are read, if hint > 0)."""
        self._checkClosed(True)
        hint = _size_arg(hint)
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                break
            lines.append(line)
            total += len(line)
            if 0 < hint < total:
                break
        return lines

    def write(self, data, /):
        """Write data at the position; returns the number of items written."""
        self._checkClosed()
        data, count = self._convert(data)
        self._write_value(data)
        return count

    def writelines(self, lines, /):
        """Write each item of an iterable."""
        self._checkClosed(True)
        for line in lines:
            self.write(line)

    def tell(self):
        """Current position."""
        self._checkClosed()
        return self._pos

    def truncate(self, size=None, /):
        """Cut the buffer to `size` items (the position by default); the position stays."""
        self._checkClosed()
        size = self._pos if size is None else _index(size)
        if size < 0:
            what = "negative" if self._period else "Negative"
            raise ValueError(f"{what} size value {size}")
        value = self._whole()
        if size < len(value):
            self._value = value[:size]
        return size

    def readable(self):
        """True: the stream can be read."""
        self._checkClosed()
        return True

    def writable(self):
        """True: the stream can be written."""
        self._checkClosed()
        return True

    def seekable(self):
        """True: the stream can seek."""
        self._checkClosed()
        return True

    def isatty(self):
        """False: an in-memory stream is no terminal."""
        self._checkClosed(True)
        return False

    def fileno(self):
        """An in-memory stream has no file descriptor."""
        raise UnsupportedOperation("fileno")

    def detach(self):
        """An in-memory stream has no underlying stream to separate."""
        raise UnsupportedOperation("detach")

    def flush(self):
        """Nothing to flush in memory (a closed StringIO does not complain, as IOBase's
        flush of a StringIO does not)."""
        if self._period:
            self._checkClosed()

    def __enter__(self):
        self._checkClosed(True)
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        # bytesio.c's iterator does not check; IOBase's (StringIO's) does.
        if not self._period:
            self._checkClosed(True)
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line


class StringIO(_MemoryStream):
    """Text I/O implementation using an in-memory buffer.

    The initial_value argument sets the value of object.  The newline
    argument is like the one of TextIOWrapper's constructor."""

    _empty = ''
    _pad = '\0'

    def __init__(self, initial_value='', newline='\n'):
        if newline is not None and type(newline) is not str:
            raise TypeError(
                f"newline must be str or None, not {type(newline).__name__}")
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError(f"illegal newline value: {newline!r}")
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not "
                            f"{type(initial_value).__name__}")
        self._newline = newline
        # The kinds of line ending written so far (1: '\n', 2: '\r', 4: '\r\n'), which
        # the universal modes (newline None or '') report as `newlines`.
        self._seennl = 0
        self._setup('')
        if initial_value:
            self._write_value(self._translate(initial_value))
            self._pos = 0

    def _translate(self, text):
        """Written text as stored: universal newlines become '\\n' (newline=None), '\\n'
        becomes '\\r' or '\\r\\n' (newline='\\r' or '\\r\\n')."""
        if self._newline in (None, ''):
            crlf = text.count('\r\n')
            if crlf:
                self._seennl |= 4
            if text.count('\r') > crlf:
                self._seennl |= 2
            if text.count('\n') > crlf:
                self._seennl |= 1
        if self._newline is None:
            return text.replace('\r\n', '\n').replace('\r', '\n')
        if self._newline in ('\r', '\r\n'):
            return text.replace('\n', self._newline)
        return text

    def _convert(self, data):
        if not isinstance(data, str):
            raise TypeError(f"string argument expected, got '{type(data).__name__}'")
        return self._translate(data), len(data)

    def _line_end(self, value, start):
        """Where the line at `start` ends (after its terminator)."""
        newline = self._newline
        if newline == '':
            # Universal: '\n', '\r' or '\r\n', whichever comes first.
            n = value.find('\n', start)
            r = value.find('\r', start)
            if r < 0 and n < 0:
                return len(value)
            if r < 0 or 0 <= n < r:
                return n + 1
            return r + 2 if value.startswith('\n', r + 1) else r + 1
        terminator = '\n' if newline is None else newline
        i = value.find(terminator, start)
        return len(value) if i < 0 else i + len(terminator)

    def seek(self, pos, whence=0, /):
        """Change the position: from the start (0), the position (1) or the end (2)."""
        pos = _index(pos)
        whence = _index(whence)
        self._checkClosed()
        if whence not in (0, 1, 2):
            raise ValueError(f"Invalid whence ({whence}, should be 0, 1 or 2)")
        if pos < 0 and whence == 0:
            raise ValueError(f"Negative seek position {pos}")
        if whence != 0 and pos != 0:
            what = "cur" if whence == 1 else "end"
            raise OSError(f"Can't do nonzero {what}-relative seeks")
        if whence == 1:
            pos = self._pos
        elif whence == 2:
            pos = self._length()
        self._pos = pos
        return pos

    @property
    def newlines(self):
        """The line endings written so far, in the universal modes (None otherwise)."""
        self._checkClosed()
        if self._newline not in (None, ''):
            return None
        return (None, "\n", "\r", ("\r", "\n"), "\r\n", ("\n", "\r\n"),
                ("\r", "\r\n"), ("\r", "\n", "\r\n"))[self._seennl]

    @property
    def line_buffering(self):
        """False: an in-memory stream is not line buffered."""
        self._checkClosed()
        return False

    @property
    def encoding(self):
        """None: the buffer holds text, not bytes."""
        return None

    @property
    def errors(self):
        """None: there is no encoding."""
        return None


class BytesIO(_MemoryStream):
    """Buffered I/O implementation using an in-memory bytes buffer."""

    _empty = b''
    _pad = b'\0'
    _period = True

    def __init__(self, initial_bytes=b''):
        self._setup(b'')
        if initial_bytes is not None:
            self._write_value(self._convert(initial_bytes)[0])
            self._pos = 0

    def _convert(self, data):
        if isinstance(data, bytes):
            return data, len(data)
        if isinstance(data, str) or not hasattr(type(data), '__buffer__'):
            raise TypeError(
                f"a bytes-like object is required, not '{type(data).__name__}'")
        data = bytes(data)
        return data, len(data)

    def _line_end(self, value, start):
        i = value.find(b'\n', start)
        return len(value) if i < 0 else i + 1

    def seek(self, pos, whence=0, /):
        """Change the position: from the start (0), the position (1) or the end (2); a
        negative result is clamped to 0, as bytesio.c does."""
        pos = _index(pos)
        whence = _index(whence)
        self._checkClosed()
        if whence not in (0, 1, 2):
            raise ValueError(f"invalid whence ({whence}, should be 0, 1 or 2)")
        if pos < 0 and whence == 0:
            raise ValueError(f"negative seek value {pos}")
        if whence == 1:
            pos += self._pos
        elif whence == 2:
            pos += self._length()
        self._pos = max(pos, 0)
        return self._pos

    def read1(self, size=-1, /):
        """Read at most size bytes (as read)."""
        return self.read(size)


StringIO.__module__ = '_io'
BytesIO.__module__ = '_io'

# `io.open` is the built-in `open` (pyrt's is `_pyio.open`, with the file types there).
open = open
