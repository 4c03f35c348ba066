def apply(fn, *args):
    return fn(*args)

def compose(f, g):
    def h(x):
        return f(g(x))
    return h

print(apply(max, 3, 9, 2), apply(str.upper, "hi"))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
table = [len, str, repr, abs]
print([fn(-3) if fn is abs else fn("ab") for fn in table])
def pipeline(value, *funcs):
    for f in funcs:
        value = f(value)
    return value
print(pipeline(3, inc, dbl, str, list))
registry = {}
def register(fn):
    registry[fn.__name__] = fn
    return fn
register(inc)
def hello():
    return "hello"
register(hello)
print(sorted(registry), registry["hello"]())
