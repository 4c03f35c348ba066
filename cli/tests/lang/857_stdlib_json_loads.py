# json.loads: every value kind, whitespace, escapes and surrogate pairs, duplicate keys, the
# hooks, bytes in UTF-8/16/32, and round trips through dumps.
import json

print(json.loads('{"a": [1, 2.5e3, -0, 1E-2, true, false, null, "x"]}'))
print(json.loads(' \n\t [ 1 , { "k" : "v" } ] \r\n'))
print(json.loads('"\\u00e9\\ud83d\\ude00\\n\\t\\"\\\\\\/\\b\\f\\r"'))
print(json.loads('[NaN, Infinity, -Infinity, -1.5e-3, 12345678901234567890]'))
print(json.loads('{"a": 1, "a": 2}'), json.loads("[]"), json.loads("{}"), json.loads('""'))
print(json.loads('{"x": 1, "y": [2]}', object_pairs_hook=list))
print(json.loads('{"x": {"y": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('[1.5, 2, 3.25]', parse_float=str, parse_int=lambda s: int(s) * 10))
print(json.loads('[NaN, -Infinity]', parse_constant=lambda s: s.lower()))
print(json.loads(b'[1, "\xc3\xa9"]'), json.loads(b'{"b": [6]}'))
doc = {"name": "pyrt", "sizes": {"int": 28, "list": [56, 88]}, "ok": True, "none": None}
text = json.dumps(doc, indent=2, sort_keys=True)
print(json.loads(text) == doc, len(text))
decoder = json.JSONDecoder()
print(decoder.raw_decode('[1, 2] trailing'), decoder.decode(' 7 '))
print(json.loads('"tab\there"', strict=False))
