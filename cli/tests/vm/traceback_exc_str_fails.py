# The last line of a traceback when the exception's __str__ raises or returns a non-string:
# CPython prints <exception str() failed>; an empty str() leaves the class name alone.
class Empty(Exception):
    def __str__(self):
        return ""


class Broken(Exception):
    def __str__(self):
        raise RuntimeError("no str")


class Outer:
    class Inner(LookupError):
        pass


try:
    try:
        raise Empty("ignored")
    except Empty:
        raise Outer.Inner("nested class")
except LookupError:
    raise Broken("x")
