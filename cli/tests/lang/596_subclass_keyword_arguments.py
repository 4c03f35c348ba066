# Keyword arguments to built-in subclasses: which of __new__/__init__ sees them, and the errors.
class P(tuple):
    def __new__(c, it, tag=0):
        o = tuple.__new__(c, it); o.tag = tag; return o
class L(list):
    def __init__(s, it, tag=0):
        super().__init__(it); s.tag = tag
class D(dict):
    def __init__(s, *a, tag=0, **k):
        super().__init__(*a, **k); s.tag = tag
class I(int):
    def __new__(c, v, unit="m"):
        o = int.__new__(c, v); o.unit = unit; return o
class S(str):
    def __init__(s, v, extra=None):
        s.extra = extra
class T(tuple): pass
class LL(list): pass
class F(float):
    def __init__(s, v, k=1): s.k = k
class FS(frozenset): pass
class E(ValueError):
    def __init__(s, msg, code=0):
        super().__init__(msg); s.code = code
cases = ["P([1, 2], tag=3)", "(P([1], tag=3).tag)", "L([1], tag=2)", "(L([1], tag=2).tag)", "D(a=1, tag=5)",
         "(D({1: 2}, tag=5).tag)", "I(5, unit='s')", "(I(5, unit='s').unit)", "S('x', extra=1)",
         "T([1], x=1)", "T(x=1)", "LL([1], x=1)", "LL(x=1)", "F(1.5, k=2)", "F(1.5, j=2)",
         "S('x', bad=1)", "FS([1], x=1)", "int(5, x=1)", "tuple([1], x=1)", "list(x=1)",
         "E('m', code=3)", "E('m', code=3).code", "E('m', code=3).args", "E('m', bad=1)",
         "ValueError('m', x=1)", "type('K', (KeyError,), {})('k', x=1)", "I('7', 8)",
         "set([1], x=1)", "type('SS', (set,), {})([1], x=1)", "dict({1: 2}, x=1)"]
for c in cases:
    try:
        print(c, "->", repr(eval(c)))
    except TypeError as e:
        print(c, "->", type(e).__name__, e)
