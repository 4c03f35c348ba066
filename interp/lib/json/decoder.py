"""The JSON decoder: `JSONDecoder` and `JSONDecodeError`, a recursive-descent scanner with
CPython 3.12's messages and positions (Lib/json/decoder.py and scanner.py)."""

__all__ = ['JSONDecoder', 'JSONDecodeError']

NaN = float('nan')
PosInf = float('inf')
NegInf = float('-inf')

_CONSTANTS = {
    '-Infinity': NegInf,
    'Infinity': PosInf,
    'NaN': NaN,
}

_WHITESPACE = ' \t\n\r'

_BACKSLASH = {
    '"': '"', '\\': '\\', '/': '/',
    'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t',
}


class JSONDecodeError(ValueError):
    """A document that is not JSON: the message, the document, the index where it failed,
    and that index as a line and column (1-based)."""

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


class _StopScan(Exception):
    """No value starts at this index (the scanner's StopIteration)."""

    def __init__(self, index):
        Exception.__init__(self, index)
        self.index = index


def _skip(s, end):
    n = len(s)
    while end < n and s[end] in _WHITESPACE:
        end += 1
    return end


def _decode_uXXXX(s, upos):
    """The code of the four hex digits after the `u` at `upos`."""
    esc = s[upos + 1:upos + 5]
    if len(esc) == 4 and all(c in '0123456789abcdefABCDEF' for c in esc):
        return int(esc, 16)
    raise JSONDecodeError("Invalid \\uXXXX escape", s, upos)


def scanstring(s, end, strict=True):
    """The str whose body starts at `end` (after its opening quote), and the index after
    its closing quote."""
    chunks = []
    begin = end - 1
    n = len(s)
    while True:
        start = end
        while end < n and s[end] != '"' and s[end] != '\\' and (not strict or s[end] >= ' '):
            end += 1
        if end >= n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        if end > start:
            chunks.append(s[start:end])
        terminator = s[end]
        if terminator == '"':
            return ''.join(chunks), end + 1
        if terminator != '\\':
            raise JSONDecodeError("Invalid control character at", s, end)
        if end + 1 >= n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        esc = s[end + 1]
        if esc != 'u':
            if esc not in _BACKSLASH:
                raise JSONDecodeError("Invalid \\escape", s, end)
            chunks.append(_BACKSLASH[esc])
            end += 2
            continue
        uni = _decode_uXXXX(s, end + 1)
        end += 6
        if 0xd800 <= uni <= 0xdbff and s[end:end + 2] == '\\u':
            uni2 = _decode_uXXXX(s, end + 1)
            if 0xdc00 <= uni2 <= 0xdfff:
                uni = 0x10000 + (((uni - 0xd800) << 10) | (uni2 - 0xdc00))
                end += 6
        chunks.append(chr(uni))


def _match_number(s, idx):
    """The end of the JSON number at `idx` and whether it has a fraction or exponent, or
    None: -?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?"""
    n = len(s)
    i = idx
    if i < n and s[i] == '-':
        i += 1
    if i < n and s[i] == '0':
        i += 1
    elif i < n and '1' <= s[i] <= '9':
        while i < n and '0' <= s[i] <= '9':
            i += 1
    else:
        return None
    real = False
    if i + 1 < n and s[i] == '.' and '0' <= s[i + 1] <= '9':
        i += 2
        while i < n and '0' <= s[i] <= '9':
            i += 1
        real = True
    if i < n and s[i] in 'eE':
        j = i + 1
        if j < n and s[j] in '-+':
            j += 1
        if j < n and '0' <= s[j] <= '9':
            while j < n and '0' <= s[j] <= '9':
                j += 1
            i = j
            real = True
    return i, real


class JSONDecoder(object):
    """Decodes JSON text into dicts, lists, strs, ints, floats, bools and None, with hooks
    for objects and numbers."""

    def __init__(self, *, object_hook=None, parse_float=None,
                 parse_int=None, parse_constant=None, strict=True,
                 object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self.memo = {}

    def decode(self, s):
        """The Python object of the whole document `s` (whitespace around it allowed)."""
        obj, end = self.raw_decode(s, idx=_skip(s, 0))
        end = _skip(s, end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """The value starting at `idx` and the index after it."""
        try:
            obj, end = self._scan(s, idx)
        except _StopScan as err:
            raise JSONDecodeError("Expecting value", s, err.index) from None
        finally:
            self.memo.clear()
        return obj, end

    def _scan(self, s, idx):
        if idx >= len(s):
            raise _StopScan(idx)
        c = s[idx]
        if c == '"':
            return scanstring(s, idx + 1, self.strict)
        if c == '{':
            return self._object(s, idx + 1)
        if c == '[':
            return self._array(s, idx + 1)
        if c == 'n' and s[idx:idx + 4] == 'null':
            return None, idx + 4
        if c == 't' and s[idx:idx + 4] == 'true':
            return True, idx + 4
        if c == 'f' and s[idx:idx + 5] == 'false':
            return False, idx + 5
        number = _match_number(s, idx)
        if number is not None:
            end, real = number
            text = s[idx:end]
            return (self.parse_float(text) if real else self.parse_int(text)), end
        if c == 'N' and s[idx:idx + 3] == 'NaN':
            return self.parse_constant('NaN'), idx + 3
        if c == 'I' and s[idx:idx + 8] == 'Infinity':
            return self.parse_constant('Infinity'), idx + 8
        if c == '-' and s[idx:idx + 9] == '-Infinity':
            return self.parse_constant('-Infinity'), idx + 9
        raise _StopScan(idx)

    def _object(self, s, end):
        pairs = []
        end = _skip(s, end)
        nextchar = s[end:end + 1]
        if nextchar != '"':
            if nextchar == '}':
                if self.object_pairs_hook is not None:
                    return self.object_pairs_hook(pairs), end + 1
                pairs = {}
                if self.object_hook is not None:
                    pairs = self.object_hook(pairs)
                return pairs, end + 1
            raise JSONDecodeError(
                "Expecting property name enclosed in double quotes", s, end)
        end += 1
        while True:
            key, end = scanstring(s, end, self.strict)
            key = self.memo.setdefault(key, key)
            end = _skip(s, end)
            if s[end:end + 1] != ':':
                raise JSONDecodeError("Expecting ':' delimiter", s, end)
            end = _skip(s, end + 1)
            try:
                value, end = self._scan(s, end)
            except _StopScan as err:
                raise JSONDecodeError("Expecting value", s, err.index) from None
            pairs.append((key, value))
            end = _skip(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar == '}':
                break
            elif nextchar != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
            end = _skip(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar != '"':
                raise JSONDecodeError(
                    "Expecting property name enclosed in double quotes", s, end - 1)
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs), end
        pairs = dict(pairs)
        if self.object_hook is not None:
            pairs = self.object_hook(pairs)
        return pairs, end

    def _array(self, s, end):
        values = []
        end = _skip(s, end)
        if s[end:end + 1] == ']':
            return values, end + 1
        while True:
            try:
                value, end = self._scan(s, end)
            except _StopScan as err:
                raise JSONDecodeError("Expecting value", s, err.index) from None
            values.append(value)
            end = _skip(s, end)
            nextchar = s[end:end + 1]
            end += 1
            if nextchar == ']':
                break
            elif nextchar != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
            end = _skip(s, end)
        return values, end
