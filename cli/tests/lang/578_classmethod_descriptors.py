# The class methods of built-in types' dicts are classmethod_descriptors: called with a
# type (the owner or a subtype) they call the class method bound to it.
d = dict.__dict__["fromkeys"]
print(d, type(d).__name__, d.__name__, d.__qualname__, d.__objclass__)
print(d is dict.__dict__["fromkeys"], type(d) is type(int.__dict__["from_bytes"]))
print(int.__dict__["from_bytes"], float.__dict__["fromhex"], bytes.__dict__["fromhex"])
print(type(list.__dict__["append"]).__name__, type(float.__dict__["fromhex"]).__name__)
cases = [
    "d()",
    "d(5)",
    "d(int, [1])",
    "d(dict, [1, 2])",
    "d(dict, [1], 0)",
    "d(dict, 'ab', value=1)",
    "int.__dict__['from_bytes'](int, b'\\x01', 'big')",
    "int.__dict__['from_bytes'](bool, b'\\x01', 'big')",
    "int.__dict__['from_bytes'](float, b'\\x01', 'big')",
    "float.__dict__['fromhex'](float, '0x1p3')",
    "bytes.__dict__['fromhex'](bytes, '6162')",
    "dict.fromkeys('ab')",
]
for text in cases:
    try:
        print(text, "->", eval(text))
    except TypeError as e:
        print(text, "!!", type(e).__name__, e)
