def gen():
    yield 1
    return "the end"

g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print(repr(e), e.value, e.args)
def bad():
    yield 1
    raise StopIteration("inside")
try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError:", e)
    print("cause:", repr(e.__cause__))
def stops_early(items):
    for i in items:
        if i < 0:
            return
        yield i
print(list(stops_early([1, 2, -1, 3])))
print(next(iter([]), "default"), next(gen(), None))
