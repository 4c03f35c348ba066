# try/except/else/finally, raise from, bare raise, context, with.
def risky(n):
    if n == 0:
        raise ValueError("zero")
    return 10 / n

for n in (2, 0):
    try:
        r = risky(n)
    except ValueError as e:
        print("caught", repr(e), e.args)
    else:
        print("no error", r)
    finally:
        print("finally", n)

try:
    try:
        {}["missing"]
    except KeyError as e:
        raise RuntimeError("lookup failed") from e
except RuntimeError as e:
    print(e, "cause:", repr(e.__cause__), e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        [][1]
except IndexError as e:
    print(e, "context:", repr(e.__context__))

def reraiser():
    try:
        int("x")
    except ValueError:
        print("re-raising")
        raise

try:
    reraiser()
except ValueError as e:
    print("outer got", e)

class Manager:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, kind, value, tb):
        print("exit", self.name, kind.__name__ if kind else None, value)
        return kind is KeyError

with Manager("a") as a, Manager("b") as b:
    print("inside", a.name, b.name)

with Manager("swallow"):
    raise KeyError("k")
print("after with")

def finally_return():
    try:
        return "try"
    finally:
        print("cleanup")

print(finally_return())
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("fin", i)
