import sys

def opts(**kwargs):
    print(type(kwargs).__name__, sorted(kwargs.items()))
    return len(kwargs)

print(opts())
print(opts(a=1, b=2))
settings = {"x": 10, "y": 20}
print(opts(**settings))
print(opts(**settings, z=30))
def everything(a, *args, flag=False, **kwargs):
    return a, args, flag, kwargs
print(everything(1, 2, 3, flag=True, extra="e"))
print(everything(*[1, 2], **{"flag": 1, "k": "v"}))
try:
    opts(**{"a": 1}, a=2)
except TypeError as e:
    print("TypeError:", e)
def inner(a, b):
    return a - b
print(inner(**{"b": 1, "a": 10}))
d = {"a": 1}
print(sys.getsizeof(d) == sys.getsizeof(dict(a=1)))
