# What raise and except refuse, with CPython's messages, and a raised class being
# instantiated (its __init__ runs; a missing argument is a TypeError instead).
class NeedsArg(Exception):
    def __init__(self, what):
        Exception.__init__(self, what)


class NoArgs(Exception):
    pass


def attempt(code):
    try:
        exec(code)
    except TypeError as t:
        print(f"{code!r}: TypeError: {t}")
    except NoArgs as n:
        print(f"{code!r}: caught {n!r} cause={n.__cause__!r}")


for code in ("raise 5", "raise int", "raise NoArgs from 5", "raise NoArgs",
             "raise NoArgs from NeedsArg", "raise NeedsArg", "raise NoArgs from KeyError"):
    attempt(code)
try:
    try:
        raise NoArgs
    except (NoArgs, 3):
        print("matched before the bad entry")
except TypeError as t:
    print(t)
try:
    try:
        raise NoArgs
    except str:
        pass
except TypeError as t:
    print(t, "| context:", repr(t.__context__))
