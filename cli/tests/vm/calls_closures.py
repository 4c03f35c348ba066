# Calls: defaults, keyword-only, *args/**kwargs, unpacking, closures, lambdas, decorators.
def f(a, b=2, *args, c=3, **kw):
    return a, b, args, c, kw

print(f(1))
print(f(1, 5, 6, 7, c=9, z=1))
print(f(*[1, 2, 3], **{"c": 4, "d": 5}))

def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc

c = counter()
c()
print(c(10), c.__name__, c.__qualname__)

square = lambda x: x * x
print([square(i) for i in range(5)])

def trace(fn):
    def wrapper(*a, **k):
        print("call", fn.__name__, a, k)
        return fn(*a, **k)
    return wrapper

@trace
def add(x, y):
    return x + y

print(add(2, y=3))

def pos_only(a, b, /, c):
    return a + b + c

for call in (lambda: f(), lambda: pos_only(1, b=2, c=3), lambda: f(1, b=2, b2=3, **{"b": 1}),
             lambda: add(1, 2, 3), lambda: pos_only(1, 2, 3, 4)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

def kwonly(*, key):
    return key
try:
    kwonly()
except TypeError as e:
    print(e)
print(kwonly(key="k"))
x = [i * j for i in range(3) for j in range(3) if i != j]
print(x, {k: v for k, v in zip("abc", range(3))}, {v % 2 for v in range(10)})
