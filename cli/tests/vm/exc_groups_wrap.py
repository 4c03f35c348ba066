# except* wraps a naked exception in a 1-tuple group; split/subgroup reject odd matchers with
# CPython 3.12's message.
try:
    try:
        raise ValueError(3)
    except* ValueError as e:
        print(repr(e), type(e.exceptions).__name__)
except Exception as e:
    print("escaped", e)
try:
    try:
        raise KeyboardInterrupt
    except* KeyboardInterrupt as e:
        print(repr(e))
except BaseException as e:
    print(type(e))
eg = ExceptionGroup('m', [ValueError(1), TypeError(2)])
for a in [5, int, (ValueError, 5), "x", ExceptionGroup, ValueError, (TypeError,)]:
    for m in ('split', 'subgroup'):
        try:
            print(m, getattr(eg, m)(a))
        except TypeError as e:
            print(m, "TypeError:", e)
