# Codec names as CPython looks them up (lowercased, punctuation runs to "_", then
# encodings.aliases), unknown encodings and handlers, and the handlers a decode cannot use.
names = ["UTF16", "utf_16_le", "U16", "utf-16le", "UTF-8-SIG", "utf 32", "Utf-32 BE",
         "unicodelittleunmarked", "UnicodeBigUnmarked", "utf_8_sig", "U32", "utf32le",
         "  utf-8 ", "UTF8", "latin-1", "ISO-8859-1", "us-ascii", "646",
         "utf8sig", "utf..16", "utf-16-xx", "x", ""]
for name in names:
    try:
        print(repr(name), "\u00e9".encode(name, "replace"), ascii(b"\xe9\x00\x00\x00".decode(name, "replace")))
    except LookupError as e:
        print(repr(name), type(e).__name__, e)

# The handler is looked up only when a byte needs it.
print(ascii(b"a\x00".decode("utf-16-le", "no-such-handler")), "\u00e9".encode("utf-16", "nope"))
for handler in ["no-such-handler", "xmlcharrefreplace", "namereplace", "strict"]:
    try:
        b"a\x00b".decode("utf-16-le", handler)
    except (LookupError, TypeError, UnicodeDecodeError) as e:
        print(handler, type(e).__name__, e)
# utf-8-sig decodes UTF-8 after the mark: its errors are UTF-8's, counted after the mark.
for data in [b"\xef\xbb\xbfab\xff", b"ab\xffc", b"\xef\xbb\xbf\xe2\x82"]:
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        print(e, e.object, e.start, e.end)
    print(ascii(data.decode("utf-8-sig", "backslashreplace")))
# ASCII and Latin-1 encoding with the surrogate handlers: the error, as in CPython.
for handler in ["surrogatepass", "surrogateescape", "xmlcharrefreplace", "backslashreplace"]:
    try:
        print(handler, "a\u00e9\u20ac".encode("ascii", handler), "\u20ac".encode("latin-1", handler))
    except UnicodeEncodeError as e:
        print(handler, e)
