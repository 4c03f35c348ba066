def parse(items):
    out = []
    for item in items:
        try:
            try:
                out.append(int(item))
            except ValueError:
                out.append(float(item))
        except ValueError:
            out.append(None)
        except TypeError:
            out.append("type?")
    return out

print(parse(["1", "2.5", "x", None, "-3"]))
def deep(n):
    if n == 0:
        raise LookupError("bottom")
    try:
        deep(n - 1)
    finally:
        print("unwinding", n)
try:
    deep(3)
except LookupError as e:
    print("caught", e)
