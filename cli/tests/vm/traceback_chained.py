# An uncaught exception with a cause and a context, printed as a chain.
def load(d):
    try:
        return d["key"]
    except KeyError as e:
        raise LookupError("no key") from e

try:
    load({})
except LookupError:
    x = 1 + None
