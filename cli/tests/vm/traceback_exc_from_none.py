# raise ... from None hides the context; a cause set by attribute shows; __suppress_context__
# set by hand; a user __repr__ does not change the traceback (str() is printed).
class Wrapped(Exception):
    def __repr__(self):
        return "Wrapped<...>"


def parse(text):
    try:
        return int(text)
    except ValueError:
        raise Wrapped(f"not a number: {text!r}") from None


try:
    parse("x1")
except Wrapped as w:
    print(repr(w), w.__context__ is not None, w.__suppress_context__)
    e = TypeError("outer")
    e.__cause__ = w
    e.__context__ = KeyError("hidden by the cause")
    raise e
