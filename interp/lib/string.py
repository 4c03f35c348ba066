"""String constants, `capwords`, `Template` and `Formatter`, as CPython 3.12's `string`.

Shipped with pyrt (interp/lib/), mirroring Lib/string.py. CPython's `Template` matches its
placeholders with a regular expression built from `delimiter`, `idpattern` and
`braceidpattern`; pyrt has no `re`, so `_scan` finds the same matches by hand for the
default identifier pattern (ASCII letters, digits and underscores, not starting with a
digit) and any `delimiter`. A subclass that sets `idpattern`, `braceidpattern`, `flags` or
`pattern` is refused with a `TypeError` saying so, and `Template.pattern` is left out.
`Formatter` parses as `_string.formatter_parser` and `formatter_field_name_split` do
(Objects/stringlib/unicode_format.h), with their error messages.
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """capwords(s [,sep]) -> string

    Split the argument into words using split, capitalize each
    word using capitalize, and join the capitalized words using
    join.  If the optional second argument sep is absent or None,
    runs of whitespace characters are replaced by a single space
    and leading and trailing whitespace are removed, otherwise
    sep is used to split and join the words.

    """
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


####################################################################
# Template

_sentinel_dict = {}
_ID_START = frozenset(ascii_letters + '_')
_ID_REST = frozenset(ascii_letters + digits + '_')


def _identifier_end(text, i):
    """The end of the identifier starting at `i`, or `i` if none starts there."""
    if i < len(text) and text[i] in _ID_START:
        i += 1
        while i < len(text) and text[i] in _ID_REST:
            i += 1
    return i


def _scan(template, delimiter):
    """The placeholders of `template`, as CPython's pattern finds them: (start, end, kind,
    name) where kind is 'escaped', 'named', 'braced' or 'invalid'."""
    dlen = len(delimiter)
    i = 0
    while True:
        i = template.find(delimiter, i)
        if i < 0 or not dlen:
            return
        after = i + dlen
        if template.startswith(delimiter, after):
            yield i, after + dlen, 'escaped', None
            i = after + dlen
            continue
        end = _identifier_end(template, after)
        if end > after:
            yield i, end, 'named', template[after:end]
            i = end
            continue
        if template.startswith('{', after):
            end = _identifier_end(template, after + 1)
            if end > after + 1 and template.startswith('}', end):
                yield i, end + 1, 'braced', template[after + 1:end]
                i = end + 1
                continue
        yield i, after, 'invalid', None
        i = after


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'

    def __init_subclass__(cls):
        super().__init_subclass__()
        for name in ('idpattern', 'braceidpattern', 'flags', 'pattern'):
            if name in cls.__dict__:
                raise TypeError(f"pyrt's string.Template has no regular expressions: "
                                f"a subclass cannot set {name!r}")

    def __init__(self, template):
        self.template = template

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def _substitute(self, mapping, kws, safe):
        if mapping is _sentinel_dict:
            mapping = kws
            kws = None
        template = self.template
        pieces = []
        last = 0
        for start, end, kind, name in _scan(template, self.delimiter):
            pieces.append(template[last:start])
            last = end
            if name is not None:
                try:
                    if kws and name in kws:
                        value = kws[name]
                    else:
                        value = mapping[name]
                except KeyError:
                    if not safe:
                        raise
                    pieces.append(template[start:end])
                    continue
                pieces.append(str(value))
            elif kind == 'escaped':
                pieces.append(self.delimiter)
            elif safe:
                pieces.append(template[start:end])
            else:
                self._invalid(start + len(self.delimiter))
        pieces.append(template[last:])
        return ''.join(pieces)

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        return self._substitute(mapping, kws, False)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        return self._substitute(mapping, kws, True)

    def is_valid(self):
        for start, end, kind, name in _scan(self.template, self.delimiter):
            if kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for start, end, kind, name in _scan(self.template, self.delimiter):
            if name is not None and name not in ids:
                ids.append(name)
        return ids


####################################################################
# Formatter: the parsers of _string, then the class


def _decimal(text):
    """`get_integer`: the value of a run of decimal digits, or -1."""
    if not text or not text.isdecimal():
        return -1
    value = int(text)
    if value > 9223372036854775807:
        raise ValueError("Too many decimal digits in format string")
    return value


def _parse_field(s, i):
    """`parse_field`: (field_name, format_spec, conversion, end) of the field starting
    at `i` (just after its '{')."""
    n = len(s)
    start = i
    c = ''
    while i < n:
        c = s[i]
        i += 1
        if c == '{':
            raise ValueError("unexpected '{' in field name")
        if c == '[':
            while i < n and s[i] != ']':
                i += 1
            continue
        if c in '}:!':
            break
    else:
        c = c if c in '}:!' else ''
    field_name = s[start:i - 1] if c in ('}', ':', '!') and c else s[start:i]
    if c in ('!', ':'):
        conversion = None
        if c == '!':
            if i >= n:
                raise ValueError("end of string while looking for conversion specifier")
            conversion = s[i]
            i += 1
            if i < n:
                c = s[i]
                i += 1
                if c == '}':
                    return field_name, '', conversion, i
                if c != ':':
                    raise ValueError("expected ':' after conversion specifier")
        spec_start = i
        count = 1
        while i < n:
            c = s[i]
            i += 1
            if c == '{':
                count += 1
            elif c == '}':
                count -= 1
                if count == 0:
                    return field_name, s[spec_start:i - 1], conversion, i
        raise ValueError("unmatched '{' in format spec")
    if c != '}':
        raise ValueError("expected '}' before end of string")
    return field_name, '', None, i


def _formatter_parser(s):
    """`_string.formatter_parser`: (literal_text, field_name, format_spec, conversion)
    for each piece of `s`; field_name is None where no field follows the literal."""
    if not isinstance(s, str):
        raise TypeError(f"expected str, got {type(s).__name__}")
    n = len(s)
    i = 0
    while i < n:
        start = i
        c = ''
        markup = False
        while i < n:
            c = s[i]
            i += 1
            if c in '{}':
                markup = True
                break
        at_end = i >= n
        length = i - start
        if c == '}' and markup and (at_end or s[i] != '}'):
            raise ValueError("Single '}' encountered in format string")
        if at_end and c == '{' and markup:
            raise ValueError("Single '{' encountered in format string")
        if not at_end and markup:
            if s[i] == c:
                # An escaped brace: the literal keeps one, no field follows.
                i += 1
                markup = False
            else:
                length -= 1
        literal = s[start:start + length]
        if not markup:
            yield literal, None, None, None
            continue
        field_name, spec, conversion, i = _parse_field(s, i)
        yield literal, field_name, spec, conversion


def _field_rest(s, i):
    """`FieldNameIterator`: (is_attribute, name or index) for each '.name' or '[key]'."""
    n = len(s)
    while i < n:
        c = s[i]
        i += 1
        if c == '.':
            start = i
            while i < n and s[i] not in '.[':
                i += 1
            name = s[start:i]
            is_attr = True
        elif c == '[':
            start = i
            while i < n and s[i] != ']':
                i += 1
            if i >= n:
                raise ValueError("Missing ']' in format string")
            name = s[start:i]
            i += 1
            is_attr = False
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
        if not name:
            raise ValueError("Empty attribute in format string")
        if not is_attr:
            index = _decimal(name)
            if index != -1:
                name = index
        yield is_attr, name


def _formatter_field_name_split(s):
    """`_string.formatter_field_name_split`: (first, rest) where first is the part before
    the first '.' or '[' (an int if it is decimal digits) and rest iterates the others."""
    if not isinstance(s, str):
        raise TypeError(f"expected str, got {type(s).__name__}")
    i = 0
    while i < len(s) and s[i] not in '.[':
        i += 1
    first = s[:i]
    index = _decimal(first)
    return (index if index != -1 else first), _field_rest(s, i)


class Formatter:
    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in \
                self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is None:
                continue
            # Automatic numbering for '{}', and no mixing it with explicit numbers.
            if field_name == '':
                if auto_arg_index is False:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                field_name = str(auto_arg_index)
                auto_arg_index += 1
            elif field_name.isdigit():
                if auto_arg_index:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                auto_arg_index = False
            obj, arg_used = self.get_field(field_name, args, kwargs)
            used_args.add(arg_used)
            obj = self.convert_field(obj, conversion)
            format_spec, auto_arg_index = self._vformat(
                format_spec, args, kwargs,
                used_args, recursion_depth-1,
                auto_arg_index=auto_arg_index)
            result.append(self.format_field(obj, format_spec))
        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        else:
            return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        elif conversion == 's':
            return str(value)
        elif conversion == 'r':
            return repr(value)
        elif conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))

    def parse(self, format_string):
        """(literal_text, field_name, format_spec, conversion) for each piece."""
        return _formatter_parser(format_string)

    def get_field(self, field_name, args, kwargs):
        """The object `field_name` ("0.name", "key[3]") refers to, and its first part."""
        first, rest = _formatter_field_name_split(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, i in rest:
            if is_attr:
                obj = getattr(obj, i)
            else:
                obj = obj[i]
        return obj, first
