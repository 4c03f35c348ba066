def inner():
    yield 1
    yield 2
    return "inner result"

def outer():
    result = yield from inner()
    print("inner returned", result)
    yield 3
    return "outer result"

print(list(outer()))
g = outer()
for v in g:
    print("value", v)
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain([1, 2], "ab", range(2))))
def flatten(x):
    if isinstance(x, list):
        for item in x:
            yield from flatten(item)
    else:
        yield x
print(list(flatten([1, [2, [3, 4]], [[5]]])))
def delegate_send():
    got = yield from accumulate()
    yield got
def accumulate():
    total = 0
    while (v := (yield total)) is not None:
        total += v
    return total
d = delegate_send()
next(d)
d.send(4)
d.send(6)
print(d.send(None))
