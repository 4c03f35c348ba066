"""Files on disk: the built-in `open()` and the stream types it returns, as CPython 3.12's
`_io.open`, `FileIO`, `BufferedReader`/`BufferedWriter`/`BufferedRandom` and `TextIOWrapper`.

Shipped with pyrt (interp/lib/). CPython has these in C (Modules/_io/) and in pure Python
(Lib/_pyio.py, whose name this module takes); this is pyrt's own smaller version over the
file descriptors of the built-in `posix` module. The types keep CPython's names (`_io.`),
reprs, modes, buffering (writes are held in an 8192-byte buffer until `flush`, `close`, a
seek or a full buffer), universal newlines on reading, and error messages. Text is encoded
with 'utf-8' (the default, as CPython's UTF-8 locale), 'ascii' or 'latin-1'. Left out:
`opener`, `closefd=False` over a descriptor, `truncate`, `readinto`, `peek`, `detach`,
and the line buffering of terminals.
"""

import posix as _posix

__all__ = ["open", "FileIO", "BufferedReader", "BufferedWriter", "BufferedRandom",
           "TextIOWrapper", "DEFAULT_BUFFER_SIZE"]

DEFAULT_BUFFER_SIZE = 8192


def _unsupported(what):
    import io
    return io.UnsupportedOperation(what)


def _closed_error():
    return ValueError("I/O operation on closed file.")


def _parse_mode(mode):
    """The flags of an `open` mode string, checked as `_io_open_impl` checks them."""
    if not isinstance(mode, str):
        raise TypeError(f"open() argument 'mode' must be str, not {type(mode).__name__}")
    seen = set()
    for c in mode:
        if c not in "xrwabt+" or c in seen:
            raise ValueError(f"invalid mode: '{mode}'")
        seen.add(c)
    creating, reading, writing, appending = ("x" in seen, "r" in seen, "w" in seen,
                                             "a" in seen)
    text, binary, updating = "t" in seen, "b" in seen, "+" in seen
    if text and binary:
        raise ValueError("can't have text and binary mode at once")
    if creating + reading + writing + appending > 1:
        raise ValueError("must have exactly one of create/read/write/append mode")
    if creating + reading + writing + appending == 0:
        # `open` lets this through and FileIO refuses it.
        raise ValueError("Must have exactly one of create/read/write/append mode and at "
                         "most one plus")
    return creating, reading, writing, appending, binary, updating


class FileIO:
    """Raw binary I/O on a descriptor (`_io.FileIO`)."""

    def __init__(self, file, mode="r", closefd=True):
        creating, reading, writing, appending, _, updating = _parse_mode(mode.replace("b", ""))
        if creating:
            flags = _posix.O_CREAT | _posix.O_EXCL
        elif writing:
            flags = _posix.O_CREAT | _posix.O_TRUNC
        elif appending:
            flags = _posix.O_CREAT | _posix.O_APPEND
        else:
            flags = 0
        self._readable = reading or updating
        self._writable = not reading or updating
        if self._readable and self._writable:
            flags |= _posix.O_RDWR
        elif self._writable:
            flags |= _posix.O_WRONLY
        if appending:
            self._mode = "ab+" if updating else "ab"
        elif creating:
            self._mode = "xb+" if updating else "xb"
        elif updating:
            self._mode = "rb+"
        else:
            self._mode = "rb" if reading else "wb"
        self._fd = -1
        fd = _posix.open(file, flags, 0o666)
        if _posix.stat(file)[0] & 0o170000 == 0o040000:
            _posix.close(fd)
            raise IsADirectoryError(21, "Is a directory", file)
        self._fd = fd
        self.name = file
        self._closefd = closefd
        if appending:
            _posix.lseek(fd, 0, 2)

    def __repr__(self):
        if self._fd < 0:
            return "<_io.FileIO [closed]>"
        return f"<_io.FileIO name={self.name!r} mode='{self._mode}' closefd=True>"

    @property
    def mode(self):
        return self._mode

    @property
    def closed(self):
        return self._fd < 0

    @property
    def closefd(self):
        return self._closefd

    def _check(self, readable=False, writable=False):
        if self._fd < 0:
            raise _closed_error()
        if readable and not self._readable:
            raise _unsupported("File not open for reading")
        if writable and not self._writable:
            raise _unsupported("File not open for writing")

    def fileno(self):
        self._check()
        return self._fd

    def readable(self):
        self._check()
        return self._readable

    def writable(self):
        self._check()
        return self._writable

    def seekable(self):
        self._check()
        return True

    def isatty(self):
        self._check()
        return False

    def read(self, size=-1):
        self._check(readable=True)
        if size is None or size < 0:
            return self.readall()
        return _posix.read(self._fd, size)

    def readall(self):
        self._check(readable=True)
        chunks = []
        while True:
            chunk = _posix.read(self._fd, DEFAULT_BUFFER_SIZE)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)

    def write(self, data):
        self._check(writable=True)
        return _posix.write(self._fd, bytes(data))

    def seek(self, pos, whence=0):
        self._check()
        return _posix.lseek(self._fd, pos, whence)

    def tell(self):
        self._check()
        return _posix.lseek(self._fd, 0, 1)

    def flush(self):
        if self._fd < 0:
            raise _closed_error()

    def close(self):
        if self._fd >= 0:
            fd, self._fd = self._fd, -1
            _posix.close(fd)

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass


FileIO.__module__ = "_io"


class _Buffered:
    """What `BufferedReader`, `BufferedWriter` and `BufferedRandom` share: a raw `FileIO`,
    a read buffer and a write buffer."""

    def __init__(self, raw, buffer_size=DEFAULT_BUFFER_SIZE):
        self.raw = raw
        # A file's mode does not change: what it allows is read once.
        self._can_read = raw.readable()
        self._can_write = raw.writable()
        self._size = buffer_size
        self._rbuf = b""
        self._wbuf = []
        self._wlen = 0

    def __repr__(self):
        name = type(self).__name__
        return f"<_io.{name} name={self.raw.name!r}>"

    @property
    def name(self):
        return self.raw.name

    @property
    def mode(self):
        return self.raw.mode

    @property
    def closed(self):
        return self.raw.closed

    def _check(self):
        if self.raw.closed:
            raise ValueError("I/O operation on closed file.")

    def fileno(self):
        return self.raw.fileno()

    def readable(self):
        return self.raw.readable()

    def writable(self):
        return self.raw.writable()

    def seekable(self):
        return self.raw.seekable()

    def isatty(self):
        return self.raw.isatty()

    def _flush_writes(self):
        if self._wbuf:
            data = b"".join(self._wbuf)
            self._wbuf = []
            self._wlen = 0
            self.raw.write(data)

    def _drop_reads(self):
        """Gives back unread buffered bytes: the raw position goes back to the logical one."""
        if self._rbuf:
            self.raw.seek(-len(self._rbuf), 1)
            self._rbuf = b""

    def flush(self):
        self._check()
        self._flush_writes()

    def read(self, size=-1):
        self._check()
        if not self.raw.readable():
            raise _unsupported("read")
        self._flush_writes()
        if size is None or size < 0:
            data = self._rbuf + self.raw.readall()
            self._rbuf = b""
            return data
        while len(self._rbuf) < size:
            chunk = self.raw.read(max(self._size, size - len(self._rbuf)))
            if not chunk:
                break
            self._rbuf += chunk
        data, self._rbuf = self._rbuf[:size], self._rbuf[size:]
        return data

    def read1(self, size=-1):
        self._check()
        if not self._rbuf:
            return self.read(self._size if size is None or size < 0 else size)
        return self.read(min(len(self._rbuf), size) if size is not None and size >= 0
                         else len(self._rbuf))

    def readline(self, size=-1):
        self._check()
        if not self.raw.readable():
            raise _unsupported("read")
        self._flush_writes()
        while True:
            end = self._rbuf.find(b"\n")
            if end >= 0 or (size is not None and 0 <= size <= len(self._rbuf)):
                break
            chunk = self.raw.read(self._size)
            if not chunk:
                break
            self._rbuf += chunk
        end = self._rbuf.find(b"\n")
        n = len(self._rbuf) if end < 0 else end + 1
        if size is not None and 0 <= size < n:
            n = size
        line, self._rbuf = self._rbuf[:n], self._rbuf[n:]
        return line

    def readlines(self, hint=-1):
        return _readlines(self, hint)

    def __iter__(self):
        self._check()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, data):
        if self.raw.closed:
            raise ValueError("write to closed file")
        if not self._can_write:
            raise _unsupported("write")
        if isinstance(data, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        if self._rbuf:
            self._drop_reads()
        data = bytes(data)
        self._wbuf.append(data)
        self._wlen += len(data)
        if self._wlen > self._size:
            self._flush_writes()
        return len(data)

    def writelines(self, lines):
        self._check()
        for line in lines:
            self.write(line)

    def seek(self, pos, whence=0):
        self._check()
        if whence not in (0, 1, 2):
            raise ValueError(f"whence value {whence} unsupported")
        self._flush_writes()
        if whence == 1:
            pos -= len(self._rbuf)
        self._rbuf = b""
        return self.raw.seek(pos, whence)

    def tell(self):
        self._check()
        return self.raw.tell() - len(self._rbuf) + self._wlen

    def close(self):
        if self.raw.closed:
            return
        try:
            self._flush_writes()
        finally:
            self.raw.close()

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass


class BufferedReader(_Buffered):
    """A buffered binary file read from (`_io.BufferedReader`)."""


class BufferedWriter(_Buffered):
    """A buffered binary file written to (`_io.BufferedWriter`)."""


class BufferedRandom(_Buffered):
    """A buffered binary file read from and written to (`_io.BufferedRandom`)."""


for _cls in (BufferedReader, BufferedWriter, BufferedRandom):
    _cls.__module__ = "_io"


def _readlines(stream, hint):
    if hint is None or hint <= 0:
        return list(stream)
    lines, total = [], 0
    for line in stream:
        lines.append(line)
        total += len(line)
        if total >= hint:
            break
    return lines


_ENCODINGS = {"utf-8": "utf-8", "utf8": "utf-8", "utf_8": "utf-8", "ascii": "ascii",
              "us-ascii": "ascii", "latin-1": "latin-1", "latin1": "latin-1",
              "iso-8859-1": "latin-1", "iso8859-1": "latin-1"}


def _complete_utf8(data):
    """How many bytes at the start of `data` are whole UTF-8 sequences (the rest may be the
    start of a character the next chunk finishes)."""
    n = len(data)
    for back in range(1, min(4, n) + 1):
        b = data[n - back]
        if b & 0xC0 != 0x80:
            need = 1 if b < 0x80 else 2 if b >= 0xC0 and b < 0xE0 else \
                3 if b >= 0xE0 and b < 0xF0 else 4 if b >= 0xF0 else 1
            return n if back >= need else n - back
    return n


class TextIOWrapper:
    """A text file: str in and out over a buffered binary file (`_io.TextIOWrapper`)."""

    def __init__(self, buffer, encoding=None, errors=None, newline=None):
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError(f"illegal newline value: {newline}")
        if encoding is None:
            self._encoding_name, self._codec = "UTF-8", "utf-8"
        else:
            codec = _ENCODINGS.get(encoding.lower())
            if codec is None:
                raise LookupError(f"unknown encoding: {encoding}")
            self._encoding_name, self._codec = encoding, codec
        self.buffer = buffer
        self._can_read = buffer.readable()
        self._can_write = buffer.writable()
        self._errors = "strict" if errors is None else errors
        self._translate = newline is None
        self._newline = newline
        self._pending = b""   # bytes read from the buffer, not yet decoded
        self._decoded = ""    # text decoded, returned up to `_dpos`
        self._dpos = 0

    def __repr__(self):
        return (f"<_io.TextIOWrapper name={self.name!r} mode={self.mode!r} "
                f"encoding={self._encoding_name!r}>")

    @property
    def name(self):
        return self.buffer.name

    @property
    def closed(self):
        return self.buffer.closed

    @property
    def encoding(self):
        return self._encoding_name

    @property
    def errors(self):
        return self._errors

    @property
    def newlines(self):
        return None

    def _check(self):
        if self.buffer.closed:
            raise ValueError("I/O operation on closed file.")

    def fileno(self):
        return self.buffer.fileno()

    def readable(self):
        return self.buffer.readable()

    def writable(self):
        return self.buffer.writable()

    def seekable(self):
        return self.buffer.seekable()

    def isatty(self):
        return self.buffer.isatty()

    def _decode(self, data, final):
        """Decodes what the buffer gave into `_decoded` (untranslated: newlines are
        translated as text is returned, so that `tell` can count the bytes left)."""
        data = self._pending + data
        n = len(data) if final or self._codec != "utf-8" else _complete_utf8(data)
        self._pending = data[n:]
        self._decoded = (self._decoded[self._dpos:]
                         + data[:n].decode(self._codec, self._errors))
        self._dpos = 0

    def _left(self):
        """How many decoded characters are not returned yet."""
        return len(self._decoded) - self._dpos

    def _fill(self):
        """Decodes one more chunk; False at the end of the file."""
        chunk = self.buffer.read1(DEFAULT_BUFFER_SIZE)
        self._decode(chunk, final=not chunk)
        return bool(chunk)

    def _check_readable(self):
        self._check()
        if not self._can_read:
            raise _unsupported("not readable")

    def _take(self, n):
        """The next `n` characters of `_decoded`, translated, marked returned."""
        start = self._dpos
        text = self._decoded[start:start + n]
        self._dpos = min(start + n, len(self._decoded))
        if self._translate:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        return text

    def _line_end(self, eof):
        """How long the next line of `_decoded` is (with its newline), or -1 when more text
        is needed to know."""
        d, p = self._decoded, self._dpos
        if self._newline in ("\n", "\r", "\r\n"):
            end = d.find(self._newline, p)
            return -1 if end < 0 else end + len(self._newline) - p
        nl = d.find("\n", p)
        cr = d.find("\r", p, nl) if nl >= 0 else d.find("\r", p)
        if cr < 0:
            return -1 if nl < 0 else nl + 1 - p
        if cr + 1 < len(d):
            return (cr + 2 if d[cr + 1] == "\n" else cr + 1) - p
        return cr + 1 - p if eof else -1

    def read(self, size=-1):
        self._check_readable()
        if size is None or size < 0:
            self._decode(self.buffer.read(), final=True)
            return self._take(self._left())
        if not self._translate:
            while self._left() < size and self._fill():
                pass
            return self._take(size)
        out = []
        while size > 0:
            # One more character than needed, to see a '\r\n' whole.
            while self._left() <= size and self._fill():
                pass
            if not self._left():
                break
            p = self._dpos
            n = size
            if (self._decoded[p + size - 1:p + size] == "\r"
                    and self._decoded[p + size:p + size + 1] == "\n"):
                n += 1
            text = self._take(n)
            out.append(text)
            size -= len(text)
        return "".join(out)

    def readline(self, size=-1):
        self._check_readable()
        eof = False
        while True:
            end = self._line_end(eof)
            if end >= 0 or eof:
                break
            eof = not self._fill()
        n = self._left() if end < 0 else end
        if size is not None and 0 <= size < n:
            n = size
        return self._take(n)

    def readlines(self, hint=-1):
        return _readlines(self, hint)

    def __iter__(self):
        self._check()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, text):
        self._check()
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        if not self._can_write:
            raise _unsupported("not writable")
        if self._decoded or self._pending:
            self._forget_reads()
        n = len(text)
        if self._newline in ("\r", "\r\n"):
            text = text.replace("\n", self._newline)
        self.buffer.write(text.encode(self._codec, self._errors))
        return n

    def writelines(self, lines):
        self._check()
        for line in lines:
            self.write(line)

    def _forget_reads(self):
        """Drops the text read ahead (`textiowrapper_write`): the write goes where the
        buffer is, after it."""
        self._decoded, self._dpos, self._pending = "", 0, b""

    def flush(self):
        self._check()
        self.buffer.flush()

    def seek(self, cookie, whence=0):
        self._check()
        if whence == 1 and cookie != 0:
            raise _unsupported("can't do nonzero cur-relative seeks")
        if whence == 2 and cookie != 0:
            raise _unsupported("can't do nonzero end-relative seeks")
        if whence not in (0, 1, 2):
            raise ValueError(f"invalid whence ({whence}, should be 0, 1 or 2)")
        if whence == 0 and cookie < 0:
            raise ValueError(f"negative seek position {cookie}")
        if whence == 1:
            return self.tell()
        self._decoded, self._dpos, self._pending = "", 0, b""
        return self.buffer.seek(cookie, whence)

    def tell(self):
        self._check()
        unread = len(self._decoded[self._dpos:].encode(self._codec)) + len(self._pending)
        return self.buffer.tell() - unread

    def close(self):
        if not self.buffer.closed:
            self.buffer.close()

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass


TextIOWrapper.__module__ = "_io"


def open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None,
         closefd=True, opener=None):
    """Opens `file` and returns a stream (`io.open`): text for modes without 'b', a buffered
    binary file with 'b', a raw `FileIO` with 'b' and `buffering=0`."""
    if not isinstance(file, (str, bytes)):
        file = _posix.fspath(file)
    creating, reading, writing, appending, binary, updating = _parse_mode(mode)
    if newline is not None and not isinstance(newline, str):
        raise TypeError(f"open() argument 'newline' must be str or None, "
                        f"not {type(newline).__name__}")
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if binary and errors is not None:
        raise ValueError("binary mode doesn't take an errors argument")
    if binary and newline is not None:
        raise ValueError("binary mode doesn't take a newline argument")
    raw = FileIO(file, ("x" if creating else "r" if reading else "w" if writing else "a")
                 + ("+" if updating else ""), closefd)
    if buffering == 0:
        if not binary:
            # As `_io.open`: the file is opened (and made or emptied) before this check.
            raw.close()
            raise ValueError("can't have unbuffered text I/O")
        return raw
    size = DEFAULT_BUFFER_SIZE if buffering is None or buffering < 0 else max(buffering, 1)
    if updating:
        buffer = BufferedRandom(raw, size)
    elif reading:
        buffer = BufferedReader(raw, size)
    else:
        buffer = BufferedWriter(raw, size)
    if binary:
        return buffer
    try:
        text = TextIOWrapper(buffer, encoding, errors, newline)
    except BaseException:
        buffer.close()
        raise
    text.mode = mode
    return text
