# sys.getsizeof of instances of subclasses of every built-in type, as the Markdown table in
# README.md (checked by cli/tests/subclass_sizes_table.rs): the base's instance, a subclass,
# `__slots__ = ()`, `__slots__ = ('a',)` (CPython's error on bases with items), and a subclass's
# instance with three attributes in its __dict__ (outside the object: the size stays).
import sys

cases = [(int, "0"), (int, "1"), (int, "2**30"), (int, "2**60"), (int, "2**200"),
         (float, "1.5"), (complex, "1+2j"), (str, "''"), (str, "'abc'"), (str, "'caf\\xe9'"),
         (str, "'\\u20ac10'"), (str, "'\\U0001f600!'"), (bytes, "b''"), (bytes, "b'abcd'"),
         (tuple, "()"), (tuple, "(1, 2, 3)"), (list, "[]"), (list, "[1, 2, 3]"), (dict, "{}"),
         (dict, "{'a': 1}"), (set, "set()"), (set, "{1, 2}"), (frozenset, "frozenset()"),
         (frozenset, "frozenset({1, 2})"), (object, None), (BaseException, None),
         (Exception, None), (ValueError, "'bad'"), (OSError, None), (KeyError, "'k'"),
         (StopIteration, "1"), (SyntaxError, None)]


def size(cls, src):
    return sys.getsizeof(cls() if src is None else cls(eval(src)))


def cell(base, src, ns):
    try:
        return str(size(type("S", (base,), ns), src))
    except TypeError as e:
        return "TypeError: " + str(e)


print("| base | value | base | subclass | `__slots__ = ()` | `__slots__ = ('a',)` |"
      " with `__dict__` filled |")
print("|---|---|---|---|---|---|---|")
for base, src in cases:
    plain = type("S", (base,), {})
    filled = plain() if src is None else plain(eval(src))
    for i in range(3):
        setattr(filled, "x%d" % i, i)
    cells = [str(size(base, src)), str(size(plain, src)), cell(base, src, {"__slots__": ()}),
             cell(base, src, {"__slots__": ("a",)}), str(sys.getsizeof(filled))]
    value = "" if src is None else "`" + src + "`"
    print("| `" + base.__name__ + "` | " + value + " | " + " | ".join(cells) + " |")
