try:
    try:
        {}["a"]
    except KeyError:
        None.x
except AttributeError as e:
    print(repr(e))
    print("context:", repr(e.__context__))
    print("cause:", e.__cause__)
def chain():
    try:
        raise ValueError(1)
    except ValueError:
        try:
            raise TypeError(2)
        except TypeError:
            raise KeyError(3)
try:
    chain()
except KeyError as e:
    c = e
    while c is not None:
        print(type(c).__name__, c.args)
        c = c.__context__
