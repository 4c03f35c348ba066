# contextlib.contextmanager: values, exceptions thrown in, errors of a bad generator.
import contextlib

@contextlib.contextmanager
def managed(tag, swallow=()):
    """Docstring kept."""
    print("enter", tag)
    try:
        yield tag * 2
    except swallow as e:
        print("swallowed", type(e).__name__, e)
    finally:
        print("exit", tag)

print(managed.__name__, managed.__doc__, managed.__wrapped__.__name__)
with managed("a") as v:
    print("value", v)
with managed("b", ValueError):
    raise ValueError("inside")
try:
    with managed("c", KeyError):
        raise ValueError("through")
except ValueError as e:
    print("propagated", e, e.__traceback__ is not None)


@managed("deco")
def decorated(x):
    print("body", x)
    return x + 1
print(decorated(1), decorated(2))
