# functools: update_wrapper/wraps, partial and its repr, reduce, cmp_to_key.
import functools
from functools import partial, reduce, wraps

def deco(fn):
    @wraps(fn)
    def wrapper(*a, **k):
        "wrapper doc"
        return fn(*a, **k)
    return wrapper

@deco
def add(x: int, y=1):
    "Add two numbers."
    return x + y
add.extra = 1
print(add(2), add.__name__, add.__qualname__, add.__doc__, add.__module__, add.__annotations__)
print(add.__wrapped__.__name__, add.__dict__.keys(), functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)
def bare(): pass
w = functools.update_wrapper(lambda: None, bare, assigned=("__name__",), updated=())
print(w.__name__, w.__qualname__, w.__wrapped__ is bare)
p = partial(int, base=2)
print(p("101"), p.func, p.args, p.keywords, repr(p), repr(partial(max, 1, 2, key=abs)))
pp = partial(partial(pow, 2), 10)
print(pp(), pp.args, repr(pp), partial(pow, 2, 3)(), partial(sorted, key=len)(["ccc", "a"], reverse=True))
print(reduce(lambda a, b: a * b, range(1, 8)), reduce(max, [3, 9, 2], 100), reduce(lambda a, b: a + b, [], 5))
key = functools.cmp_to_key(lambda a, b: (a > b) - (a < b))
print(sorted([3, 1, 2], key=key), sorted("bca", key=functools.cmp_to_key(lambda a, b: -1 if a > b else 1)))
for bad in [lambda: reduce(max, []), lambda: reduce(max, 5), lambda: partial(1), lambda: partial()]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
