def fail_many():
    raise ExceptionGroup("several", [ValueError("v1"), TypeError("t"), ValueError("v2")])

try:
    fail_many()
except* ValueError as eg:
    print("values:", [str(e) for e in eg.exceptions])
except* TypeError as eg:
    print("types:", [str(e) for e in eg.exceptions])
eg = ExceptionGroup("g", [KeyError(1), OSError("o")])
print(repr(eg), len(eg.exceptions))
match_, rest = eg.split(KeyError)
print(repr(match_), repr(rest))
try:
    try:
        raise ExceptionGroup("x", [ZeroDivisionError()])
    except* KeyError:
        print("not this")
except ExceptionGroup as e:
    print("unhandled part propagates", e.exceptions)
