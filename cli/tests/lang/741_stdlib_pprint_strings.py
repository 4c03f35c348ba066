# pprint: long strs split at spaces and lines, bytes split every 4 bytes, numbers.
import pprint

s = "The quick brown fox jumps over the lazy dog. " * 5
pprint.pprint(s)
pprint.pprint([s, "line one\nline two\n" * 3], width=50)
pprint.pprint({"k": s}, width=60)
pprint.pprint("x" * 100)
pprint.pprint("   leading spaces and a very long word " + "w" * 70 + " end", width=30)
pprint.pprint(("tab\tseparated text " * 6,), width=40)
pprint.pprint("")
pprint.pprint(["é unicode ünïcödé " * 5], width=30)
b = bytes(range(60))
pprint.pprint(b)
pprint.pprint([b], width=30)
pprint.pprint(b"abcd")
pprint.pprint({"bytes": b"0123456789" * 9}, width=40)
pprint.pprint(10**30, underscore_numbers=True)
pprint.pprint([10**12] * 5, underscore_numbers=True, width=30)
pprint.pprint([True, 1.5, 2j, None, -7, 10**20], width=20)
class Big(int):
    pass
pprint.pprint([Big(12345678)], underscore_numbers=True)
print(pprint.pformat("short", width=3), pprint.pformat(12345, underscore_numbers=True))
