class Suppress:
    def __init__(self, *types):
        self.types = types

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            print("saw", exc_type.__name__, exc)
        return exc_type is not None and issubclass(exc_type, self.types)

with Suppress(KeyError):
    {}["missing"]
    print("not reached")
print("continued after suppressed KeyError")
try:
    with Suppress(KeyError):
        [][1]
except IndexError as e:
    print("IndexError escaped:", e)
with Suppress(ZeroDivisionError, ValueError), Suppress(KeyError):
    int("nope")
print("suppressed by the outer manager")
with Suppress(ValueError) as s:
    pass
print(type(s).__name__)
