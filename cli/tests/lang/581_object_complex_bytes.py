# complex() through __complex__ (then __float__/__index__), bytes() through __bytes__ and
# __index__, on object-based classes.
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


class Z:
    def __complex__(self): return 1 + 2j


class ZBad:
    def __complex__(self): return 3


class F:
    def __float__(self): return 2.5


class I:
    def __index__(self): return 4


class By:
    def __bytes__(self): return b"by"


class ByBad:
    def __bytes__(self): return "s"


for f in [lambda: complex(Z()), lambda: complex(ZBad()), lambda: complex(F()),
          lambda: complex(I()), lambda: complex(F(), F()), lambda: complex(1, Z()),
          lambda: complex(object()), lambda: bytes(By()), lambda: bytes(ByBad()),
          lambda: bytes(I()), lambda: bytes(object())]:
    t(f)
