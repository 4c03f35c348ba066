# Decoding errors of the UTF-16 and UTF-32 codecs: odd lengths ("truncated data"), a low
# surrogate first ("illegal encoding"), a high surrogate alone at the end or before another
# unit, code points past U+10FFFF or in the surrogate range in UTF-32; the codec named is the
# byte order used (utf-16 reads as utf-16-le or utf-16-be), positions count the mark.
cases = [
    ("utf-16", b"A"), ("utf-16", b"a\x00b"), ("utf-16-le", b"a\x00\x00\xd8"),
    ("utf-16-le", b"a\x00\x00\xd8b"), ("utf-16-le", b"a\x00\x00\xd8b\x00"),
    ("utf-16-be", b"\xdc\x00\x00a"), ("utf-16", b"\xfe\xff\x00a\xd8\x00\x00b"),
    ("utf-16", b"\x00\xd8\x00\xd8\x00\xdc"), ("utf-32", b"a\x00\x00\x00b\x00"),
    ("utf-32-le", b"\x00\xd8\x00\x00a\x00\x00\x00"), ("utf-32-be", b"\x00\x11\x00\x00"),
    ("utf-32", b"\x00\x00\xfe\xff\x00\x00\x00a\x00\x00\x00"), ("utf-32-be", b"\xff\xfe\x00\x00"),
]
for codec, data in cases:
    try:
        print("ok", ascii(data.decode(codec)))
    except UnicodeDecodeError as e:
        print(type(e).__name__, e)
        print("  ", e.encoding, e.object, e.start, e.end, e.reason)
    for handler in ["replace", "ignore", "backslashreplace"]:
        print("  ", handler, ascii(data.decode(codec, handler)))
