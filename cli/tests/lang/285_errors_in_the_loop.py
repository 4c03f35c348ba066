# Errors raised by the loop's own instructions find the right handler, nested or re-raised.
def f(d, keys):
    out = []
    for k in keys:
        try:
            try:
                out.append(d[k] // k)
            finally:
                out.append("f")
        except KeyError as e:
            out.append(("key", e.args))
        except ZeroDivisionError: out.append("zero")
    return out

print(f({1: 10, 0: 5, 2: 7}, [1, 3, 0, 2]))

def unbound(flag):
    if flag:
        x = 1
    try:
        return x
    except UnboundLocalError as e: return str(e)

print(unbound(True), unbound(False))

def gen():
    try:
        yield 1
    except ValueError as e:
        yield ("caught", str(e))
    yield 3

g = gen(); print(next(g), g.throw(ValueError("boom")), next(g))
try:
    try:
        [1][5]
    except IndexError:
        raise
except IndexError as e:
    print("outer", e, e.__context__)
