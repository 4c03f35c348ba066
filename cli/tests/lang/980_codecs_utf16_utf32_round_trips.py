# str.encode / bytes.decode with the UTF-16, UTF-32 and UTF-8-SIG codecs: byte orders, the
# byte order mark written by utf-16/utf-32/utf-8-sig and honoured (and stripped) on decoding,
# characters outside the BMP (surrogate pairs in UTF-16), and empty strings.
texts = ["", "a", "h\u00e9llo", "\u20ac\u4e2d", "x\U0001f600y\U00010000"]
codecs = ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]
for codec in codecs:
    for text in texts:
        data = text.encode(codec)
        back = data.decode(codec)
        print(codec, len(text), data, back == text)

# A leading mark picks the order for utf-16/utf-32 and is stripped; the fixed-order codecs
# keep it as U+FEFF.
print(ascii(b"\xfe\xff\x00a\x00b".decode("utf-16")), ascii(b"\xff\xfea\x00b\x00".decode("utf-16")))
print(ascii(b"\xff\xfea\x00".decode("utf-16-le")), ascii(b"\xfe\xff\x00a".decode("utf-16-be")))
print(ascii(b"a\x00b\x00".decode("utf-16")), ascii(b"\x00\x00\xfe\xff\x00\x00\x00z".decode("utf-32")))
print(ascii(b"\xff\xfe\x00\x00z\x00\x00\x00".decode("utf-32")), ascii(b"z\x00\x00\x00".decode("utf-32")))
print(ascii(b"\xff\xfe\x00\x00z\x00\x00\x00".decode("utf-32-le")))
# Only the first mark is stripped.
print(ascii(b"\xef\xbb\xbf\xef\xbb\xbfa".decode("utf-8-sig")), ascii(b"plain".decode("utf-8-sig")))
print(ascii(b"\xff\xfe\xff\xfea\x00".decode("utf-16")))
# bytearray and str(b, encoding) go through the same codecs.
print(ascii(bytearray("\u00e9t\u00e9".encode("utf-16")).decode("utf-16")))
print(ascii(str("\U0001f600".encode("utf-32-be"), "utf-32-be")), str(b"\xff\xfeh\x00i\x00", "utf_16"))
