import dis


def f(x, *a, k=3, **kw):
    s = {1, 2, "a"}
    return [y for y in a if y in s] + [frozenset({3, 4}), (1, 2.5, None, b"x", 3j)]


class C:
    limit = 10

    def method(self):
        return lambda: self

    def gen(self, n):
        yield from range(n)
        yield n


def handler(v):
    try:
        return 1 / v
    except ZeroDivisionError as e:
        raise ValueError("zero") from e
    finally:
        print("done")


dis.dis(f)
dis.dis(C)
dis.dis(C().method)
dis.dis(handler.__code__)
dis.dis("a = b + 1\nprint(a)")
