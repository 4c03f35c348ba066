# json.loads of bytes: the encoding detected from the BOM or from where the zero bytes are
# (UTF-8, UTF-16 and UTF-32 in both byte orders), as json.detect_encoding does.
import json

samples = ['[1, "\u00e9"]', '{"k": [2, 3]}', '"x"', '7']
for encoding in ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be",
                 "utf-32", "utf-32-le", "utf-32-be"]:
    for text in samples:
        data = text.encode(encoding)
        print(encoding, json.detect_encoding(data), json.loads(data))
print(json.detect_encoding(b"\x00\x00\x00["), json.detect_encoding(b"[\x00\x00\x00"))
print(json.detect_encoding(b"\x001"), json.detect_encoding(b"1\x00"), json.detect_encoding(b""))
