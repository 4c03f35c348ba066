# except* re-raising the unmatched part of a group raised while handling another exception.
def inner():
    try:
        1/0
    except ZeroDivisionError:
        raise ExceptionGroup("ctx", [ValueError("v"), ExceptionGroup("n", [KeyError("k")])])
try:
    inner()
except* ValueError:
    raise
