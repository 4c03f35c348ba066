# __context__ when the exception comes out of Python code that built-ins called (a key
# function, map, a generator resumed by next() or throw()): chained once, where it was
# raised, by what was handled there; a thrown exception gets no context.
def failing(x):
    try:
        raise KeyError("inner")
    except KeyError:
        raise ValueError(x)


def gen():
    try:
        yield 1
    except KeyError:
        raise ValueError("from gen")
    yield 2


def show(label, call):
    try:
        raise TypeError("outer")
    except TypeError:
        try:
            call()
        except Exception as e:
            ctx = e.__context__
            print(label, repr(e), repr(ctx), repr(ctx.__context__) if ctx else "-")


show("sorted", lambda: sorted([2, 1], key=failing))
show("map", lambda: list(map(failing, [1])))
show("direct", lambda: failing(3))
g = gen()
next(g)
show("throw", lambda: g.throw(KeyError("k")))
g2 = gen()
next(g2)
show("thrown through", lambda: g2.throw(IndexError("i")))
show("next", lambda: next(iter([])))
