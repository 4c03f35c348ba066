def f(a, b, c=0, *rest, **kw):
    return a, b, c, rest, kw

print(f(*[1, 2]))
print(f(*(1, 2, 3, 4, 5)))
print(f(1, *[2], c=3))
print(f(**{"a": 1, "b": 2}))
print(f(*"xy", **{"c": 9, "z": 0}))
print(f(1, *(), 2, *[3, 4], **{}, k=1))
def g(*args, **kwargs):
    return f(*args, **kwargs)
print(g(1, 2, 3, q=4))
print(max(*[3, 7, 1]), print(*[1, 2], **{"sep": "+"}))
try:
    f(*[1])
except TypeError as e:
    print("TypeError:", e)
try:
    f(**{1: 2})
except TypeError as e:
    print("TypeError:", e)
