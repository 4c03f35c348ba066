# An uncaught exception raised in a key function while its caller handles another: the chain
# printed is the one made where it was raised (KeyError, then the ValueError with its notes),
# with the outer TypeError first.
class Bad(ValueError):
    def __str__(self):
        return f"bad key for {self.args[0]!r}"


def key(x):
    try:
        return {"a": 1}[x]
    except KeyError:
        e = Bad(x)
        e.add_note("raised in key()")
        raise e


try:
    raise TypeError("outer")
except TypeError:
    sorted(["a", "zz"], key=key)
