import contextlib

@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")

with tag("p") as t:
    print("  content", t)
with tag("div"), tag("span"):
    print("  nested")
try:
    with tag("err"):
        raise KeyError("k")
except KeyError as e:
    print("caught", repr(e))
@contextlib.contextmanager
def swallow():
    try:
        yield
    except ArithmeticError as e:
        print("swallowed", type(e).__name__)
with swallow():
    1 // 0
print("done")
